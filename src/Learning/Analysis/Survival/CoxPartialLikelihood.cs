using FedChain.Learning.Analysis.Maths;

namespace FedChain.Learning.Analysis.Survival;

/// <summary>
/// Cox's log partial likelihood, score and information from <see cref="RiskSetSums"/>
/// (Therneau and Grambsch 2000, sections 3.2-3.3). Breslow: at each event time with d events,
/// l -= d log S0, U -= d S1/S0, I += d (S2/S0 - a a'), a = S1/S0. Efron: for r = 0..d-1 the
/// sums are S - (r/d) D, each term taken once. Both add sum over events of z . beta to l and of z to U.
/// </summary>
public static class CoxPartialLikelihood
{
    public static (double LogLikelihood, double[] Score, double[,] Information) Evaluate(RiskSetSums sums, IReadOnlyList<double> events, ReadOnlySpan<double> beta)
    {
        var p = sums.P;
        var packed = PackedSymmetric.Length(p);
        var loglik = 0.0;
        var score = new double[p];
        var information = new double[p, p];
        for (var a = 0; a < p; a++)
        {
            loglik += sums.EventZ[a] * beta[a];
            score[a] = sums.EventZ[a];
        }

        var s1 = new double[p];
        var s2 = new double[packed];
        for (var j = 0; j < sums.Times; j++)
        {
            var d = events[j];
            if (d <= 0) continue;
            var terms = sums.Efron ? (int)d : 1;
            var multiplicity = sums.Efron ? 1 : d;
            for (var r = 0; r < terms; r++)
            {
                var f = sums.Efron ? r / d : 0;
                var s0 = sums.S0[j] - (sums.Efron ? f * sums.D0[j] : 0);
                for (var a = 0; a < p; a++) s1[a] = sums.S1[j * p + a] - (sums.Efron ? f * sums.D1[j * p + a] : 0);
                for (var a = 0; a < packed; a++) s2[a] = sums.S2[j * packed + a] - (sums.Efron ? f * sums.D2[j * packed + a] : 0);
                loglik -= multiplicity * Math.Log(s0);
                for (var a = 0; a < p; a++)
                {
                    score[a] -= multiplicity * s1[a] / s0;
                    for (var b = a; b < p; b++)
                    {
                        var v = multiplicity * (s2[PackedSymmetric.Index(p, a, b)] / s0 - s1[a] / s0 * (s1[b] / s0));
                        information[a, b] += v;
                        if (b != a) information[b, a] += v;
                    }
                }
            }
        }

        return (loglik, score, information);
    }
}
