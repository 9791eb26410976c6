using FedChain.Learning.Analysis.Descriptive;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Maths;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Survival;

/// <summary>
/// Kaplan-Meier in one step: sites send, per stratum and time-grid point, their events and
/// censorings (pooled). From the totals, S(t) = prod (1 - d/n) and Greenwood's variance of log S
/// are those of the pooled rows (Kaplan and Meier 1958; R survfit, conf.type "log"). The curve is
/// released at event times grouped so each released step holds at least k events (or at the plan's
/// public times), and stops where fewer than k remain at risk.
/// </summary>
public sealed class KaplanMeierAnalysis : FederatedAnalysis
{
    private readonly KaplanMeierSpec _spec;
    private readonly AnalysisContext _context;
    private readonly ColumnLevels? _by;
    private readonly int _grid;

    public KaplanMeierAnalysis(KaplanMeierSpec spec, AnalysisContext context)
    {
        _spec = spec;
        _context = context;
        _by = spec.By is null ? null : ColumnLevels.Of(context.Schema.Column(spec.By), m => new AnalysisPlanException(m));
        _grid = spec.Survival.GridLength(context.Schema);
    }

    public override int MaxSteps => 1;

    private sealed record State : AnalysisState;

    private int Strata => _by?.Count ?? 1;

    public override AnalysisState Start()
    {
        if (EventTimeRule.Check(_context, _spec) is { } refusal) return new FinishedState(Empty() with { Refused = refusal }, 0);
        return new State { Request = new StepRequest(new StatisticBlock("events and censorings per stratum and time", Strata * 2 * _grid, 0, Release.Pooled)) };
    }

    public override double[][] Contribute(AnalysisState state, SiteInput site)
    {
        var counts = new double[Strata * 2 * _grid];
        var group = _spec.By is null ? null : site.Table.Column(_spec.By);
        foreach (var (_, g, evt, s) in SurvivalColumns.Rows(site.Table, _spec.Survival, _by is null ? null : _by.LevelOf, group))
        {
            counts[(s * 2 + (evt ? 0 : 1)) * _grid + g]++;
        }

        return [counts];
    }

    public override AnalysisState Advance(AnalysisState state, StepSums sums)
    {
        var k = _context.MinCellCount(_spec);
        var z = Distributions.NormalQuantile(1 - (1 - _spec.Confidence) / 2);
        var totals = sums.Total(0);
        var strata = new List<KaplanMeierStratum>();
        var notes = new List<string>();
        for (var s = 0; s < Strata; s++)
        {
            var events = totals.AsSpan(s * 2 * _grid, _grid);
            var censored = totals.AsSpan((s * 2 + 1) * _grid, _grid);
            var curve = KaplanMeierCurve.Estimate(events, censored, _spec.Survival.Resolution);
            var name = _by?.Labels[s] ?? "all";
            var released = _spec.Times is null ? curve.AtEventTimes(k) : curve.AtTimes(_spec.Times, k);
            if (released.Withheld > 0) notes.Add($"{name}: {released.Withheld} step(s) merged or cut so that each released step has at least {k} events and {k} at risk");
            strata.Add(new KaplanMeierStratum(name, released.Times, released.Survival,
                [.. released.Survival.Select((v, i) => Limit(v, released.LogSe[i], -z))], [.. released.Survival.Select((v, i) => Math.Min(1, Limit(v, released.LogSe[i], z)))],
                released.AtRisk, released.Events));
        }

        return new FinishedState(Empty() with { Strata = strata, Notes = notes, MinCellCount = k }, state.Step + 1);
    }

    /// <summary>exp(log S + z se), R's "log" interval; undefined where S is 0.</summary>
    private static double Limit(double survival, double logSe, double z) =>
        survival > 0 && double.IsFinite(logSe) ? Math.Exp(Math.Log(survival) + z * logSe) : double.NaN;

    private KaplanMeierResult Empty() => new(_spec.Name, $"Kaplan-Meier{(_by is null ? "" : $" by {_by.Column.Name}")}", _spec.Confidence, []);
}
