using FedChain.Learning.Analysis.Disclosure;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Analysis.Descriptive;

/// <summary>
/// "Table 1" in one step. Per group, sites send row counts, per numeric column (n, missing) counts
/// and sums of x and x^2, per categorical column the count of each category and of missing cells.
/// Means and SDs follow from the sums (SD with n - 1, as R's sd).
/// </summary>
public sealed class DescribeAnalysis : FederatedAnalysis
{
    private readonly DescribeSpec _spec;
    private readonly AnalysisContext _context;
    private readonly ColumnSpec[] _variables;
    private readonly ColumnLevels? _by;
    private readonly int _groups;
    private readonly int _countsPerGroup;

    public DescribeAnalysis(DescribeSpec spec, AnalysisContext context)
    {
        _spec = spec;
        _context = context;
        _variables = [.. spec.Variables.Select(context.Schema.Column)];
        _by = spec.By is null ? null : ColumnLevels.Of(context.Schema.Column(spec.By), m => new AnalysisPlanException(m));
        _groups = _by?.Count ?? 1;
        _countsPerGroup = 1 + _variables.Sum(v => v.Type == ColumnType.Categorical ? v.Categories!.Count + 1 : 2);
    }

    public override int MaxSteps => 1;

    private sealed record State : AnalysisState;

    private Release Release => _spec.BySite ? Release.PerSite : Release.Pooled;

    private IEnumerable<ColumnSpec> Numeric => _variables.Where(v => v.Type == ColumnType.Numeric);

    public override AnalysisState Start()
    {
        var rows = (double)_context.Plan.MaxRows;
        var blocks = new List<StatisticBlock> { new("counts", _groups * _countsPerGroup, 0, Release) };
        foreach (var v in Numeric)
        {
            var m = Math.Max(Math.Abs(v.Min!.Value), Math.Abs(v.Max!.Value));
            blocks.Add(new StatisticBlock($"sum of {v.Name}", _groups, FixedPointRing.FractionBitsFor(rows * m), Release));
            blocks.Add(new StatisticBlock($"sum of squares of {v.Name}", _groups, FixedPointRing.FractionBitsFor(rows * m * m), Release));
        }

        return new State { Request = new StepRequest(blocks) };
    }

    public override double[][] Contribute(AnalysisState state, SiteInput site)
    {
        var table = site.Table;
        var numeric = Numeric.ToArray();
        var counts = new double[_groups * _countsPerGroup];
        var sums = numeric.Select(_ => (Sum: new double[_groups], Squares: new double[_groups])).ToArray();
        var columns = _variables.Select(v => table.Column(v.Name)).ToArray();
        var by = _spec.By is null ? null : table.Column(_spec.By);
        for (var r = 0; r < table.RowCount; r++)
        {
            var g = by is null ? 0 : _by!.LevelOf(by[r]);
            if (g < 0) continue;
            var at = g * _countsPerGroup;
            counts[at++]++;
            var n = 0;
            for (var v = 0; v < _variables.Length; v++)
            {
                var x = columns[v][r];
                if (_variables[v].Type == ColumnType.Categorical)
                {
                    var k = _variables[v].Categories!.Count;
                    counts[at + (double.IsNaN(x) ? k : (int)x)]++;
                    at += k + 1;
                    continue;
                }

                if (double.IsNaN(x)) counts[at + 1]++;
                else
                {
                    counts[at]++;
                    sums[n].Sum[g] += x;
                    sums[n].Squares[g] += x * x;
                }

                at += 2;
                n++;
            }
        }

        return [counts, .. sums.SelectMany(s => new[] { s.Sum, s.Squares })];
    }

    /// <summary>One column of the released table: a site's (or the pooled) values for one group.</summary>
    private sealed record TableColumn(string Label, double[] Counts, double[] Sums, double[] Squares);

    public override AnalysisState Advance(AnalysisState state, StepSums sums)
    {
        var k = _context.MinCellCount(_spec);
        var numeric = Numeric.Count();
        var counts = SiteSlices.Of(sums, 0, _context.Sites, _spec.BySite);
        var moments = Enumerable.Range(0, numeric)
            .Select(i => (Sum: SiteSlices.Of(sums, 1 + 2 * i, _context.Sites, _spec.BySite), Squares: SiteSlices.Of(sums, 2 + 2 * i, _context.Sites, _spec.BySite))).ToArray();
        var columns = new List<TableColumn>();
        for (var c = 0; c < counts.Count; c++)
        {
            for (var g = 0; g < _groups; g++)
            {
                columns.Add(new TableColumn(_by is null ? counts[c].Label : $"{counts[c].Label}, {_by.Labels[g]}",
                    counts[c].Values[(g * _countsPerGroup)..((g + 1) * _countsPerGroup)],
                    [.. moments.Select(m => m.Sum[c].Values[g])], [.. moments.Select(m => m.Squares[c].Values[g])]));
            }
        }

        var grid = new SuppressionGrid();
        var ids = columns.Select(column => Enumerable.Range(0, _countsPerGroup).Select(i => grid.Add(column.Counts[i], PublicCounts(i))).ToArray()).ToArray();
        foreach (var cells in ids)
        {
            foreach (var relation in PartitionsOf(cells)) grid.Relate(relation);
        }

        // Per group, the sites' cells add up to the pooled cell (the last block of columns).
        if (_spec.BySite)
        {
            for (var g = 0; g < _groups; g++)
            {
                for (var slot = 0; slot < _countsPerGroup; slot++) grid.Relate([.. Enumerable.Range(0, counts.Count).Select(c => ids[c * _groups + g][slot])]);
            }
        }

        var released = grid.Release(k);
        var rows = BuildRows(columns, ids, released, k);
        var result = new TableResult(_spec.Name, $"Table 1{(_by is null ? "" : $" by {_by.Column.Name}")}", [.. columns.Select(c => c.Label)], rows) { MinCellCount = k };
        return new FinishedState(result, state.Step + 1);
    }

    /// <summary>Counts public by law: cells of a column the schema marks public, grouped (if at all) by a public column.</summary>
    private bool PublicCounts(int slot)
    {
        var publicGroup = _by?.PublicCounts ?? true;
        if (slot == 0) return _by?.PublicCounts ?? false;
        var at = 1;
        foreach (var v in _variables)
        {
            var width = Width(v);
            if (slot < at + width) return publicGroup && v.PublicCounts == true;
            at += width;
        }

        return false;
    }

    private static int Width(ColumnSpec v) => v.Type == ColumnType.Categorical ? v.Categories!.Count + 1 : 2;

    /// <summary>Within one column, each variable's cells (categories and missing, or n and missing) add up to the rows count.</summary>
    private IEnumerable<int[]> PartitionsOf(int[] cells)
    {
        var at = 1;
        foreach (var v in _variables)
        {
            yield return [cells[0], .. cells[at..(at + Width(v))]];
            at += Width(v);
        }
    }

    private List<TableRow> BuildRows(List<TableColumn> columns, int[][] ids, IReadOnlyList<TableCell> released, int k)
    {
        TableCell Cell(int c, int slot) => released[ids[c][slot]];
        IReadOnlyList<TableCell> Row(Func<int, TableCell> cell) => [.. columns.Select((_, c) => cell(c))];
        var rows = new List<TableRow> { new("rows", Row(c => Cell(c, 0))) };
        var at = 1;
        var n = 0;
        foreach (var v in _variables)
        {
            var slot = at;
            if (v.Type == ColumnType.Categorical)
            {
                var levels = ColumnLevels.Of(v, m => new AnalysisPlanException(m));
                for (var level = 0; level < levels.Count; level++)
                {
                    var l = level;
                    rows.Add(new TableRow(levels.Labels[l], Row(c => WithShare(Cell(c, slot + l), Cell(c, 0)))));
                }

                rows.Add(new TableRow($"{v.Name}: missing", Row(c => WithShare(Cell(c, slot + levels.Count), Cell(c, 0)))));
                at += levels.Count + 1;
                continue;
            }

            var i = n++;
            rows.Add(new TableRow($"{v.Name}: n", Row(c => Cell(c, slot))));
            rows.Add(new TableRow($"{v.Name}: mean", Row(c => Statistic(columns[c], slot, i, k, sd: false))));
            rows.Add(new TableRow($"{v.Name}: SD", Row(c => Statistic(columns[c], slot, i, k, sd: true))));
            rows.Add(new TableRow($"{v.Name}: missing", Row(c => WithShare(Cell(c, slot + 1), Cell(c, 0)))));
            at += 2;
        }

        return rows;
    }

    /// <summary>A mean or SD, withheld when computed from fewer than k rows; SD needs two.</summary>
    private static TableCell Statistic(TableColumn column, int slot, int variable, int k, bool sd)
    {
        var n = column.Counts[slot];
        if (n < k) return TableCell.Withheld(DisclosureRules.MinRows);
        if (n == 0 || (sd && n < 2)) return new TableCell(null);
        var sum = column.Sums[variable];
        var mean = sum / n;
        return new TableCell(sd ? Math.Sqrt(Math.Max(0, (column.Squares[variable] - sum * mean) / (n - 1))) : mean);
    }

    /// <summary>A released count's share of its column's rows, only when that total is released too (a share must not reveal a withheld total).</summary>
    private static TableCell WithShare(TableCell cell, TableCell total) => cell.Value is { } v && total.Value is > 0 ? cell with { Share = v / total.Value } : cell;
}
