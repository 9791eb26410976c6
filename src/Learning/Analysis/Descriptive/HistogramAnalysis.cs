using System.Globalization;
using FedChain.Learning.Analysis.Disclosure;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Descriptive;

/// <summary>A histogram in one step: each site counts its rows per bin (plus below and above the edges).</summary>
public sealed class HistogramAnalysis(HistogramSpec spec, AnalysisContext context) : FederatedAnalysis
{
    private readonly IReadOnlyList<double> _edges = spec.EdgesFor(context.Schema.Column(spec.Variable));

    public override int MaxSteps => 1;

    private sealed record State : AnalysisState;

    private Release Release => spec.BySite ? Release.PerSite : Release.Pooled;

    private int Bins => _edges.Count - 1;

    public override AnalysisState Start() => new State { Request = new StepRequest(new StatisticBlock($"bin counts of {spec.Variable}", Bins + 2, 0, Release)) };

    public override double[][] Contribute(AnalysisState state, SiteInput site)
    {
        var counts = new double[Bins + 2];
        foreach (var x in site.Table.Column(spec.Variable))
        {
            if (double.IsNaN(x)) continue;
            counts[Bin(x)]++;
        }

        if (spec.Dp is { } dp) DpNoise.Add(counts, dp, 1, Release, context.Sites.Count, site.Noise);
        return [counts];
    }

    /// <summary>[e_i, e_i+1) with the last bin closed; Bins is "below", Bins + 1 "above".</summary>
    private int Bin(double x)
    {
        if (x < _edges[0]) return Bins;
        if (x > _edges[^1]) return Bins + 1;
        if (x == _edges[^1]) return Bins - 1;
        var lo = 0;
        var hi = Bins;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (x >= _edges[mid]) lo = mid;
            else hi = mid;
        }

        return lo;
    }

    public override AnalysisState Advance(AnalysisState state, StepSums sums)
    {
        var k = context.MinCellCount(spec);
        var publicCounts = context.Schema.Column(spec.Variable).PublicCounts == true;
        var slices = SiteSlices.Of(sums, 0, context.Sites, spec.BySite);
        var grid = new SuppressionGrid();
        var ids = slices.Select(s => s.Values.Select(v => grid.Add(spec.Dp is null ? v : DpNoise.Released(v), publicCounts)).ToArray()).ToArray();
        foreach (var relation in SiteSlices.SiteTotals(ids, spec.BySite)) grid.Relate(relation);
        var released = grid.Release(k);
        var rows = slices.Select((s, c) => new TableRow(s.Label, [.. ids[c].Select(i => released[i])])).ToArray();
        var bins = Enumerable.Range(0, Bins).Select(i => string.Create(CultureInfo.InvariantCulture, $"[{_edges[i]:G6}, {_edges[i + 1]:G6}{(i == Bins - 1 ? "]" : ")")}"));
        var result = new TableResult(spec.Name, $"Histogram of {spec.Variable}", [.. bins, "below", "above"], rows, Edges: _edges)
        {
            MinCellCount = k,
            Dp = spec.Dp is { } dp ? new DpNote(dp.Epsilon, dp.Delta, dp.Sigma) : null,
        };
        return new FinishedState(result, state.Step + 1);
    }
}
