using FedChain.Learning.Analysis.Descriptive;
using FedChain.Learning.Analysis.Disclosure;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Maths;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Survival;

/// <summary>
/// The log-rank test in one step (Mantel 1966; R survdiff with rho = 0). Unstratified or stratified
/// by a column, sites send per-time event and censoring totals by stratum and group (pooled), and
/// the observed-minus-expected vector U and its hypergeometric variance V are those of the pooled
/// rows. Stratified by site, each site computes its own stratum's U and V, and only their sums
/// travel: no per-time totals leave a site. chisq = U' V^-1 U over all groups but the last.
/// </summary>
public sealed class LogRankAnalysis : FederatedAnalysis
{
    private readonly LogRankSpec _spec;
    private readonly AnalysisContext _context;
    private readonly ColumnLevels _groups;
    private readonly ColumnLevels? _strata;
    private readonly int _grid;

    public LogRankAnalysis(LogRankSpec spec, AnalysisContext context)
    {
        _spec = spec;
        _context = context;
        _groups = ColumnLevels.Of(context.Schema.Column(spec.Group), m => new AnalysisPlanException(m));
        _strata = spec.Strata is null or LogRankSpec.SiteStrata ? null : ColumnLevels.Of(context.Schema.Column(spec.Strata), m => new AnalysisPlanException(m));
        _grid = spec.Survival.GridLength(context.Schema);
    }

    public override int MaxSteps => 1;

    private sealed record State : AnalysisState;

    private bool BySite => _spec.Strata == LogRankSpec.SiteStrata;

    private int G => _groups.Count;

    public override AnalysisState Start()
    {
        if (BySite)
        {
            var rows = (double)_context.Plan.MaxRows;
            return new State
            {
                Request = new StepRequest(
                    new StatisticBlock("rows and events per group", 2 * G, 0, Release.Pooled),
                    new StatisticBlock("observed minus expected per group (own stratum)", G, FixedPointRing.FractionBitsFor(rows), Release.Pooled),
                    new StatisticBlock("log-rank variance (own stratum)", PackedSymmetric.Length(G), FixedPointRing.FractionBitsFor(rows), Release.Pooled)),
            };
        }

        if (EventTimeRule.Check(_context, _spec) is { } refusal) return new FinishedState(Empty(0, 0, double.NaN, []) with { Refused = refusal }, 0);
        var strata = _strata?.Count ?? 1;
        return new State { Request = new StepRequest(new StatisticBlock("events and censorings per stratum, group and time", strata * G * 2 * _grid, 0, Release.Pooled)) };
    }

    public override double[][] Contribute(AnalysisState state, SiteInput site)
    {
        var counts = new double[(BySite ? 1 : _strata?.Count ?? 1) * G * 2 * _grid];
        var group = site.Table.Column(_spec.Group);
        var stratum = _strata is null ? null : site.Table.Column(_spec.Strata!);
        foreach (var (row, grid, evt, g) in SurvivalColumns.Rows(site.Table, _spec.Survival, _groups.LevelOf, group))
        {
            var s = stratum is null ? 0 : _strata!.LevelOf(stratum[row]);
            if (s < 0) continue;
            counts[((s * G + g) * 2 + (evt ? 0 : 1)) * _grid + grid]++;
        }

        if (!BySite) return [counts];
        var (u, v, n, o) = Stratum(counts);
        return [[.. n, .. o], u, v];
    }

    /// <summary>U = O - E and V for one stratum's per-time counts (laid out [group][event|censored][grid]).</summary>
    private (double[] U, double[] V, double[] N, double[] O) Stratum(ReadOnlySpan<double> counts)
    {
        var u = new double[G];
        var v = new double[PackedSymmetric.Length(G)];
        var atRisk = new double[G];
        var observed = new double[G];
        for (var g = 0; g < G; g++)
        {
            for (var t = 0; t < _grid; t++) atRisk[g] += counts[(g * 2) * _grid + t] + counts[(g * 2 + 1) * _grid + t];
        }

        var rows = (double[])atRisk.Clone();
        for (var t = 0; t < _grid; t++)
        {
            var (n, d) = (0.0, 0.0);
            for (var g = 0; g < G; g++)
            {
                n += atRisk[g];
                d += counts[(g * 2) * _grid + t];
            }

            if (d > 0)
            {
                var spread = n > 1 ? d * (n - d) / (n - 1) : 0;
                for (var g = 0; g < G; g++)
                {
                    var dg = counts[(g * 2) * _grid + t];
                    observed[g] += dg;
                    u[g] += dg - atRisk[g] * d / n;
                    for (var h = g; h < G; h++) v[PackedSymmetric.Index(G, g, h)] += spread * atRisk[g] / n * ((g == h ? 1 : 0) - atRisk[h] / n);
                }
            }

            for (var g = 0; g < G; g++) atRisk[g] -= counts[(g * 2) * _grid + t] + counts[(g * 2 + 1) * _grid + t];
        }

        return (u, v, rows, observed);
    }

    public override AnalysisState Advance(AnalysisState state, StepSums sums)
    {
        double[] u, v, n, o;
        if (BySite)
        {
            var no = sums.Total(0);
            (n, o, u, v) = (no[..G], no[G..], sums.Total(1), sums.Total(2));
        }
        else
        {
            (u, v, n, o) = (new double[G], new double[PackedSymmetric.Length(G)], new double[G], new double[G]);
            var totals = sums.Total(0);
            var strata = _strata?.Count ?? 1;
            for (var s = 0; s < strata; s++)
            {
                var part = Stratum(totals.AsSpan(s * G * 2 * _grid, G * 2 * _grid));
                for (var g = 0; g < G; g++) (u[g], n[g], o[g]) = (u[g] + part.U[g], n[g] + part.N[g], o[g] + part.O[g]);
                for (var i = 0; i < v.Length; i++) v[i] += part.V[i];
            }
        }

        var k = _context.MinCellCount(_spec);
        var present = Enumerable.Range(0, G).Where(g => n[g] > 0).ToArray();
        var (chisq, df) = Statistic(u, v, present);
        var grid = new SuppressionGrid();
        var cells = present.Select(g => (N: grid.Add(n[g], _groups.PublicCounts), O: grid.Add(o[g]))).ToArray();
        var released = grid.Release(k);
        var groups = present.Select((g, i) => new GroupCount(_groups.Labels[g], released[cells[i].N], released[cells[i].O], o[g] - u[g])).ToArray();
        var result = Empty(chisq, df, Distributions.ChiSquaredUpper(chisq, df), groups) with { MinCellCount = k };
        return new FinishedState(result, state.Step + 1);
    }

    /// <summary>U' V^-1 U over the groups present but the last (V has rank groups - 1).</summary>
    private (double Chisq, int Df) Statistic(double[] u, double[] v, int[] present)
    {
        var m = present.Length - 1;
        if (m < 1) return (double.NaN, 0);
        var sub = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++) sub[i, j] = v[PackedSymmetric.Index(G, present[i], present[j])];
        }

        var factor = Cholesky.Factor(sub);
        if (factor is null) return (double.NaN, m);
        var ui = present[..m].Select(g => u[g]).ToArray();
        var x = Cholesky.Solve(factor, ui);
        var chisq = 0.0;
        for (var i = 0; i < m; i++) chisq += ui[i] * x[i];
        return (chisq, m);
    }

    private LogRankResult Empty(double chisq, int df, double p, IReadOnlyList<GroupCount> groups) =>
        new(_spec.Name, $"Log-rank test by {_spec.Group}{(_spec.Strata is null ? "" : $", stratified by {_spec.Strata}")}", chisq, df, p, groups, _spec.Strata);
}
