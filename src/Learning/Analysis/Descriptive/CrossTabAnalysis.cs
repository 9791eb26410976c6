using FedChain.Learning.Analysis.Disclosure;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Maths;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Descriptive;

/// <summary>A cross-tabulation in one step, with margins and Pearson's chi-squared test of independence on the pooled counts.</summary>
public sealed class CrossTabAnalysis : FederatedAnalysis
{
    private readonly CrossTabSpec _spec;
    private readonly AnalysisContext _context;
    private readonly ColumnLevels _rows;
    private readonly ColumnLevels _columns;

    public CrossTabAnalysis(CrossTabSpec spec, AnalysisContext context)
    {
        _spec = spec;
        _context = context;
        _rows = ColumnLevels.Of(context.Schema.Column(spec.Rows), m => new AnalysisPlanException(m));
        _columns = ColumnLevels.Of(context.Schema.Column(spec.Columns), m => new AnalysisPlanException(m));
    }

    public override int MaxSteps => 1;

    private sealed record State : AnalysisState;

    private Release Release => _spec.BySite ? Release.PerSite : Release.Pooled;

    public override AnalysisState Start() => new State { Request = new StepRequest(new StatisticBlock($"{_spec.Rows} x {_spec.Columns} counts", _rows.Count * _columns.Count, 0, Release)) };

    public override double[][] Contribute(AnalysisState state, SiteInput site)
    {
        var counts = new double[_rows.Count * _columns.Count];
        var a = site.Table.Column(_spec.Rows);
        var b = site.Table.Column(_spec.Columns);
        for (var r = 0; r < site.Table.RowCount; r++)
        {
            var i = _rows.LevelOf(a[r]);
            var j = _columns.LevelOf(b[r]);
            if (i >= 0 && j >= 0) counts[i * _columns.Count + j]++;
        }

        if (_spec.Dp is { } dp) DpNoise.Add(counts, dp, 1, Release, _context.Sites.Count, site.Noise);
        return [counts];
    }

    public override AnalysisState Advance(AnalysisState state, StepSums sums)
    {
        var k = _context.MinCellCount(_spec);
        var publicCounts = _rows.PublicCounts && _columns.PublicCounts;
        var slices = SiteSlices.Of(sums, 0, _context.Sites, _spec.BySite);
        var (nr, nc) = (_rows.Count, _columns.Count);
        var grid = new SuppressionGrid();
        // Per slice: the R x C cells, then row totals, column totals and the grand total.
        var ids = new int[slices.Count][];
        for (var s = 0; s < slices.Count; s++)
        {
            var v = slices[s].Values.Select(x => _spec.Dp is null ? x : DpNoise.Released(x)).ToArray();
            var cells = new List<int>();
            cells.AddRange(v.Select(x => grid.Add(x, publicCounts)));
            for (var i = 0; i < nr; i++) cells.Add(grid.Add(Enumerable.Range(0, nc).Sum(j => v[i * nc + j]), publicCounts));
            for (var j = 0; j < nc; j++) cells.Add(grid.Add(Enumerable.Range(0, nr).Sum(i => v[i * nc + j]), publicCounts));
            cells.Add(grid.Add(v.Sum(), publicCounts));
            ids[s] = [.. cells];
            for (var i = 0; i < nr; i++) grid.Relate([.. Enumerable.Range(0, nc).Select(j => ids[s][i * nc + j]), ids[s][nr * nc + i]]);
            for (var j = 0; j < nc; j++) grid.Relate([.. Enumerable.Range(0, nr).Select(i => ids[s][i * nc + j]), ids[s][nr * nc + nr + j]]);
            grid.Relate([.. Enumerable.Range(0, nr).Select(i => ids[s][nr * nc + i]), ids[s][^1]]);
            grid.Relate([.. Enumerable.Range(0, nc).Select(j => ids[s][nr * nc + nr + j]), ids[s][^1]]);
        }

        foreach (var relation in SiteSlices.SiteTotals(ids, _spec.BySite)) grid.Relate(relation);
        var released = grid.Release(k);

        var headings = slices.SelectMany(s => _columns.Labels.Append($"{_spec.Columns}: total").Select(l => slices.Count == 1 ? l : $"{s.Label}, {l}")).ToArray();
        var rows = new List<TableRow>();
        for (var i = 0; i <= nr; i++)
        {
            var label = i < nr ? _rows.Labels[i] : $"{_spec.Rows}: total";
            var cells = new List<TableCell>();
            foreach (var slice in ids)
            {
                for (var j = 0; j <= nc; j++)
                {
                    var at = (i < nr, j < nc) switch
                    {
                        (true, true) => i * nc + j,
                        (true, false) => nr * nc + i,
                        (false, true) => nr * nc + nr + j,
                        _ => slice.Length - 1,
                    };
                    cells.Add(released[slice[at]]);
                }
            }

            rows.Add(new TableRow(label, cells));
        }

        var result = new TableResult(_spec.Name, $"{_spec.Rows} by {_spec.Columns}", headings, rows, ChiSquared(slices[^1].Values))
        {
            MinCellCount = k,
            Dp = _spec.Dp is { } dp ? new DpNote(dp.Epsilon, dp.Delta, dp.Sigma) : null,
        };
        return new FinishedState(result, state.Step + 1);
    }

    /// <summary>Pearson's X^2 over the rows and columns with a non-zero margin (R chisq.test, no continuity correction).</summary>
    private TestStatistic? ChiSquared(double[] counts)
    {
        var (nr, nc) = (_rows.Count, _columns.Count);
        var rowTotals = Enumerable.Range(0, nr).Select(i => Enumerable.Range(0, nc).Sum(j => counts[i * nc + j])).ToArray();
        var colTotals = Enumerable.Range(0, nc).Select(j => Enumerable.Range(0, nr).Sum(i => counts[i * nc + j])).ToArray();
        var total = rowTotals.Sum();
        var usedRows = rowTotals.Count(t => t > 0);
        var usedCols = colTotals.Count(t => t > 0);
        if (usedRows < 2 || usedCols < 2) return null;
        var x2 = 0.0;
        for (var i = 0; i < nr; i++)
        {
            for (var j = 0; j < nc; j++)
            {
                if (rowTotals[i] == 0 || colTotals[j] == 0) continue;
                var expected = rowTotals[i] * colTotals[j] / total;
                x2 += (counts[i * nc + j] - expected) * (counts[i * nc + j] - expected) / expected;
            }
        }

        var df = (usedRows - 1) * (usedCols - 1);
        return new TestStatistic("Pearson chi-squared", x2, df, Distributions.ChiSquaredUpper(x2, df));
    }
}
