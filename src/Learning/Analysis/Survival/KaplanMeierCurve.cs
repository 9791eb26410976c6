namespace FedChain.Learning.Analysis.Survival;

/// <summary>A Kaplan-Meier curve from per-grid-point event and censoring totals, and the two ways it may be released.</summary>
public sealed class KaplanMeierCurve
{
    private readonly List<(int Grid, long AtRisk, long Events, double Survival, double Greenwood)> _steps = [];
    private readonly long[] _leftBefore;
    private readonly double _resolution;

    private KaplanMeierCurve(double resolution, long[] leftBefore)
    {
        _resolution = resolution;
        _leftBefore = leftBefore;
    }

    /// <summary>The released points of a curve; <see cref="Withheld"/> counts the event steps not shown one by one.</summary>
    public sealed record Released(List<double> Times, List<double> Survival, List<double> LogSe, List<long> AtRisk, List<long> Events, int Withheld);

    public static KaplanMeierCurve Estimate(ReadOnlySpan<double> events, ReadOnlySpan<double> censored, double resolution)
    {
        // leftBefore[g]: rows whose time is at or after grid point g, i.e. at risk at g (R counts those censored at t as at risk at t).
        var leftBefore = new long[events.Length + 1];
        for (var g = events.Length - 1; g >= 0; g--) leftBefore[g] = leftBefore[g + 1] + (long)events[g] + (long)censored[g];
        var curve = new KaplanMeierCurve(resolution, leftBefore);
        var (survival, greenwood) = (1.0, 0.0);
        for (var g = 0; g < events.Length; g++)
        {
            var d = (long)events[g];
            if (d == 0) continue;
            var atRisk = leftBefore[g];
            survival *= 1 - (double)d / atRisk;
            greenwood += atRisk == d ? double.PositiveInfinity : d / (atRisk * (double)(atRisk - d));
            curve._steps.Add((g, atRisk, d, survival, greenwood));
        }

        return curve;
    }

    /// <summary>
    /// At event times, merging consecutive ones until a released step holds k events; a step is
    /// released at its group's last time, with those at risk when the group began. A short last
    /// group joins the step before; the curve stops where fewer than k are at risk. With k = 1 these
    /// are exactly R's summary(survfit) rows.
    /// </summary>
    public Released AtEventTimes(int k)
    {
        var released = new Released([], [], [], [], [], 0);
        var (events, groupRisk) = (0L, 0L);
        (int Grid, long AtRisk, long Events, double Survival, double Greenwood)? last = null;
        foreach (var step in _steps)
        {
            if (events == 0) groupRisk = step.AtRisk;
            if (groupRisk < k) break;
            events += step.Events;
            last = step;
            if (events < k) continue;
            Add(released, step.Grid * _resolution, step.Survival, step.Greenwood, groupRisk, events);
            events = 0;
        }

        if (events > 0 && released.Times.Count > 0)
        {
            var n = released.Times.Count - 1;
            released.Times[n] = last!.Value.Grid * _resolution;
            released.Survival[n] = last.Value.Survival;
            released.LogSe[n] = Math.Sqrt(last.Value.Greenwood);
            released.Events[n] += events;
        }

        return released with { Withheld = _steps.Count - released.Times.Count };
    }

    /// <summary>
    /// At public times: S(t), those at risk at t and the events since the previous released time
    /// (R's summary(survfit, times = ...)). A time whose interval holds 1..k-1 events is skipped, its
    /// events joining the next; the curve stops where fewer than k are at risk.
    /// </summary>
    public Released AtTimes(IReadOnlyList<double> times, int k)
    {
        var released = new Released([], [], [], [], [], 0);
        var (step, events, withheld) = (0, 0L, 0);
        foreach (var time in times)
        {
            var grid = Math.Min(SurvivalColumns.GridIndex(time, _resolution), _leftBefore.Length - 1);
            while (step < _steps.Count && _steps[step].Grid <= grid) events += _steps[step++].Events;
            var atRisk = _leftBefore[Math.Max(0, grid)];
            if (atRisk < k) { withheld += times.Count - released.Times.Count - withheld; break; }
            if (events > 0 && events < k) { withheld++; continue; }
            var (survival, greenwood) = step == 0 ? (1.0, 0.0) : (_steps[step - 1].Survival, _steps[step - 1].Greenwood);
            Add(released, time, survival, greenwood, atRisk, events);
            events = 0;
        }

        return released with { Withheld = withheld };
    }

    private static void Add(Released r, double time, double survival, double greenwood, long atRisk, long events)
    {
        r.Times.Add(time);
        r.Survival.Add(survival);
        r.LogSe.Add(Math.Sqrt(greenwood));
        r.AtRisk.Add(atRisk);
        r.Events.Add(events);
    }
}
