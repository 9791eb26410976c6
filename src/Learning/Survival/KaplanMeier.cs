namespace FedChain.Learning.Survival;

/// <summary>
/// The Kaplan-Meier estimate (Kaplan &amp; Meier 1958): at each distinct event time t,
/// S(t) = prod (1 - d_j / n_j) over event times t_j &lt;= t, with n_j the rows still at risk.
/// </summary>
public sealed record KaplanMeier(IReadOnlyList<double> Times, IReadOnlyList<double> Survival, int Rows, int Events)
{
    public static KaplanMeier Fit(IReadOnlyList<float> times, IReadOnlyList<float> events)
    {
        var order = Enumerable.Range(0, times.Count).OrderBy(i => times[i]).ToArray();
        var curveTimes = new List<double> { 0 };
        var survival = new List<double> { 1 };
        var atRisk = times.Count;
        var s = 1.0;
        for (var k = 0; k < order.Length;)
        {
            var t = times[order[k]];
            int deaths = 0, leaving = 0;
            while (k < order.Length && times[order[k]] == t)
            {
                if (events[order[k]] > 0) deaths++;
                leaving++;
                k++;
            }

            if (deaths > 0)
            {
                s *= 1 - (double)deaths / atRisk;
                curveTimes.Add(t);
                survival.Add(s);
            }

            atRisk -= leaving;
        }

        return new KaplanMeier(curveTimes, survival, times.Count, (int)events.Sum(e => (double)e));
    }

    /// <summary>S(t): the estimate after every event time up to and including <paramref name="time"/>.</summary>
    public double At(double time)
    {
        var s = 1.0;
        for (var i = 0; i < Times.Count && Times[i] <= time; i++) s = Survival[i];
        return s;
    }

    /// <summary>The first time at which S(t) &lt;= 0.5; null when the curve never gets there (median not reached).</summary>
    public double? Median => Times.Zip(Survival).Where(p => p.Second <= 0.5).Select(p => (double?)p.First).FirstOrDefault();
}
