using FedChain.Learning.Analysis.Disclosure;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Descriptive;

/// <summary>Missing cells per column: each site sends its row count and one missing count per column (per site, so a site's missingness is seen).</summary>
public sealed class MissingnessAnalysis(MissingnessSpec spec, AnalysisContext context) : FederatedAnalysis
{
    private readonly IReadOnlyList<string> _variables = spec.Columns(context.Plan);

    public override int MaxSteps => 1;

    private sealed record State : AnalysisState;

    public override AnalysisState Start() => new State { Request = new StepRequest(new StatisticBlock("rows and missing cells", 1 + _variables.Count, 0, Release.PerSite)) };

    public override double[][] Contribute(AnalysisState state, SiteInput site)
    {
        var counts = new double[1 + _variables.Count];
        counts[0] = site.Table.RowCount;
        for (var v = 0; v < _variables.Count; v++) counts[1 + v] = site.Table.Column(_variables[v]).Count(double.IsNaN);
        // One patient changes the rows count and each column's count by at most 1: L2 sensitivity sqrt(1 + columns).
        if (spec.Dp is { } dp) DpNoise.Add(counts, dp, Math.Sqrt(counts.Length), Release.PerSite, context.Sites.Count, site.Noise);
        return [counts];
    }

    public override AnalysisState Advance(AnalysisState state, StepSums sums)
    {
        var k = context.MinCellCount(spec);
        var slices = SiteSlices.Of(sums, 0, context.Sites, perSite: true);
        var grid = new SuppressionGrid();
        var ids = slices.Select(s => s.Values.Select(v => grid.Add(spec.Dp is null ? v : DpNoise.Released(v))).ToArray()).ToArray();
        for (var i = 0; i < ids[0].Length; i++) grid.Relate([.. ids.Select(c => c[i])]);
        var released = grid.Release(k);
        var rows = new List<TableRow> { new("rows", [.. ids.Select(c => released[c[0]])]) };
        for (var v = 0; v < _variables.Count; v++)
        {
            rows.Add(new TableRow(_variables[v], [.. ids.Select(c => released[c[1 + v]] is { Value: { } m } cell && released[c[0]].Value is > 0 and var n ? cell with { Share = m / n } : released[c[1 + v]])]));
        }

        var result = new TableResult(spec.Name, "Missing cells per column", [.. slices.Select(s => s.Label)], rows)
        {
            MinCellCount = k,
            Dp = spec.Dp is { } dp ? new DpNote(dp.Epsilon, dp.Delta, dp.Sigma * Math.Sqrt(1 + _variables.Count)) : null,
        };
        return new FinishedState(result, state.Step + 1);
    }
}
