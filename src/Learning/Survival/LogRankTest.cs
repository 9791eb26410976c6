using MathNet.Numerics.Distributions;

namespace FedChain.Learning.Survival;

/// <summary>
/// The two-group log-rank test (Mantel 1966; Peto &amp; Peto 1972), and the hazard ratio of group 1
/// against group 0 from a Cox model with the group as its only covariate (Breslow ties, Newton's method).
/// </summary>
public sealed record LogRankTest(double ChiSquare, double P, double HazardRatio, double LowerCi, double UpperCi)
{
    /// <param name="group">1 for the first group, 0 for the other.</param>
    public static LogRankTest Compare(IReadOnlyList<float> times, IReadOnlyList<float> events, IReadOnlyList<int> group)
    {
        var distinct = Enumerable.Range(0, times.Count).Where(i => events[i] > 0).Select(i => times[i]).Distinct().Order().ToArray();
        double observedMinusExpected = 0, variance = 0;
        foreach (var t in distinct)
        {
            double n = 0, n1 = 0, d = 0, d1 = 0;
            for (var i = 0; i < times.Count; i++)
            {
                if (times[i] < t) continue;
                n++;
                if (group[i] == 1) n1++;
                if (times[i] == t && events[i] > 0) { d++; if (group[i] == 1) d1++; }
            }

            observedMinusExpected += d1 - d * n1 / n;
            if (n > 1) variance += d * (n1 / n) * (1 - n1 / n) * (n - d) / (n - 1);
        }

        var chi = variance > 0 ? observedMinusExpected * observedMinusExpected / variance : 0;
        var (beta, se) = CoxOneCovariate(times, events, group);
        return new LogRankTest(chi, 1 - ChiSquared.CDF(1, chi), Math.Exp(beta), Math.Exp(beta - 1.96 * se), Math.Exp(beta + 1.96 * se));
    }

    // Newton's method on the Breslow partial likelihood of one 0/1 covariate; its score test is the log-rank test.
    private static (double Beta, double Se) CoxOneCovariate(IReadOnlyList<float> times, IReadOnlyList<float> events, IReadOnlyList<int> group)
    {
        var beta = 0.0;
        var information = 0.0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double score = 0;
            information = 0;
            for (var i = 0; i < times.Count; i++)
            {
                if (events[i] <= 0) continue;
                double s0 = 0, s1 = 0;
                for (var j = 0; j < times.Count; j++)
                {
                    if (times[j] < times[i]) continue;
                    var w = Math.Exp(beta * group[j]);
                    s0 += w;
                    s1 += w * group[j];
                }

                var mean = s1 / s0;
                score += group[i] - mean;
                information += mean * (1 - mean);
            }

            if (information <= 0) break;
            var step = score / information;
            beta += step;
            if (Math.Abs(step) < 1e-10) break;
        }

        return (beta, information > 0 ? 1 / Math.Sqrt(information) : double.NaN);
    }
}
