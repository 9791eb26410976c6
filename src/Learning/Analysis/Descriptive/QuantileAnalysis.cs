using System.Globalization;
using FedChain.Learning.Analysis.Disclosure;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Descriptive;

/// <summary>
/// Quantiles by federated bisection. Step 1: the pooled count N fixes the order statistics R's
/// type-7 quantiles need (ranks floor(h) and ceil(h), h = (N - 1) p + 1). Each later step halves,
/// for every unresolved rank r, a bracket (lo, hi] with count(x &lt;= lo) &lt; r &lt;= count(x &lt;= hi): sites
/// send their count at or below the midpoint, and the count, sum and sum of squares of their
/// values inside the bracket. When those values have no spread, the bracket holds one distinct
/// value, which is then the order statistic exactly; the rank is resolved and drops out.
/// Everything travels pooled.
/// </summary>
public sealed class QuantileAnalysis : FederatedAnalysis
{
    private readonly QuantileSpec _spec;
    private readonly AnalysisContext _context;
    private readonly double _min;
    private readonly double _max;
    private readonly double _resolution;
    private readonly int _bisections;

    public QuantileAnalysis(QuantileSpec spec, AnalysisContext context)
    {
        _spec = spec;
        _context = context;
        var column = context.Schema.Column(spec.Variable);
        (_min, _max) = (column.Min!.Value, column.Max!.Value);
        _resolution = spec.Resolution ?? Math.Max(_max - _min, 1) * 1e-6;
        _bisections = spec.MaxSteps ?? (int)Math.Ceiling(Math.Log2((_max - _min + _resolution) / _resolution)) + 1;
    }

    public override int MaxSteps => 1 + _bisections;

    /// <summary>A rank still searched: its bracket, or its value once resolved.</summary>
    private sealed record Bracket(long Rank, double Lo, double Hi, double? Value);

    private sealed record State(long N, IReadOnlyList<Bracket> Brackets) : AnalysisState;

    public override AnalysisState Start() => new State(0, []) { Request = new StepRequest(new StatisticBlock($"count of {_spec.Variable}", 1, 0, Release.Pooled)) };

    private IEnumerable<Bracket> Open(State s) => s.Brackets.Where(b => b.Value is null);

    private StepRequest BisectionRequest(int open)
    {
        var m = Math.Max(Math.Abs(_min), Math.Abs(_max));
        var rows = (double)_context.Plan.MaxRows;
        return new StepRequest(
            new StatisticBlock("counts at or below the midpoints, and inside the brackets", 2 * open, 0, Release.Pooled),
            new StatisticBlock("sums inside the brackets", open, FixedPointRing.FractionBitsFor(rows * m), Release.Pooled),
            new StatisticBlock("sums of squares inside the brackets", open, FixedPointRing.FractionBitsFor(rows * m * m), Release.Pooled));
    }

    public override double[][] Contribute(AnalysisState state, SiteInput site)
    {
        var s = (State)state;
        var x = site.Table.Column(_spec.Variable);
        if (s.Step == 0) return [[x.Count(v => !double.IsNaN(v))]];
        var open = Open(s).ToArray();
        var counts = new double[2 * open.Length];
        var sums = new double[open.Length];
        var squares = new double[open.Length];
        foreach (var v in x)
        {
            if (double.IsNaN(v)) continue;
            for (var b = 0; b < open.Length; b++)
            {
                if (v <= (open[b].Lo + open[b].Hi) / 2) counts[2 * b]++;
                if (v > open[b].Lo && v <= open[b].Hi)
                {
                    counts[2 * b + 1]++;
                    sums[b] += v;
                    squares[b] += v * v;
                }
            }
        }

        return [counts, sums, squares];
    }

    public override AnalysisState Advance(AnalysisState state, StepSums sums)
    {
        var s = (State)state;
        var k = _context.MinCellCount(_spec);
        if (s.Step == 0)
        {
            var n = (long)sums.Total(0)[0];
            if (n < k) return Refused(s, $"{n} rows hold '{_spec.Variable}', fewer than k = {k}: a quantile would be a few patients' values");
            var ranks = _spec.Levels.SelectMany(p => Ranks(n, p)).Distinct().Order().ToArray();
            var first = new State(n, [.. ranks.Select(r => new Bracket(r, _min - _resolution, _max, null))]) { Step = 1 };
            return first with { Request = BisectionRequest(ranks.Length) };
        }

        var counts = sums.Total(0);
        var inside = sums.Total(1);
        var squares = sums.Total(2);
        var brackets = s.Brackets.ToList();
        var open = 0;
        for (var i = 0; i < brackets.Count; i++)
        {
            var b = brackets[i];
            if (b.Value is not null) continue;
            var (below, count) = (counts[2 * open], counts[2 * open + 1]);
            var mean = count > 0 ? inside[open] / count : (b.Lo + b.Hi) / 2;
            var spread = squares[open] / count - mean * mean;
            var mid = (b.Lo + b.Hi) / 2;
            brackets[i] = spread <= _resolution * _resolution || b.Hi - b.Lo <= _resolution
                ? b with { Value = mean }
                : below >= b.Rank ? b with { Hi = mid } : b with { Lo = mid };
            open++;
        }

        var next = new State(s.N, brackets) { Step = s.Step + 1 };
        var left = brackets.Count(b => b.Value is null);
        if (left > 0 && next.Step < MaxSteps) return next with { Request = BisectionRequest(left) };
        return new FinishedState(Table(next, k), next.Step);
    }

    /// <summary>R type 7: h = (N - 1) p + 1, interpolating between order statistics floor(h) and ceil(h).</summary>
    private static IEnumerable<long> Ranks(long n, double p)
    {
        var h = (n - 1) * p + 1;
        return [(long)Math.Floor(h), (long)Math.Ceiling(h)];
    }

    private TableResult Table(State s, int k)
    {
        double Value(long rank) => s.Brackets.First(b => b.Rank == rank) is { } b ? b.Value ?? (b.Lo + b.Hi) / 2 : double.NaN;
        var unresolved = s.Brackets.Count(b => b.Value is null);
        var rows = new List<TableRow> { new("n", [new TableCell(s.N)]) };
        foreach (var p in _spec.Levels)
        {
            var h = (s.N - 1) * p + 1;
            var lo = Value((long)Math.Floor(h));
            var hi = Value((long)Math.Ceiling(h));
            rows.Add(new TableRow(string.Create(CultureInfo.InvariantCulture, $"{p:G4} quantile"), [new TableCell(lo + (h - Math.Floor(h)) * (hi - lo))]));
        }

        return new TableResult(_spec.Name, $"Quantiles of {_spec.Variable}", ["pooled"], rows)
        {
            MinCellCount = k,
            Notes = unresolved == 0
                ? ["exact order statistics (each bracket narrowed to one distinct value)"]
                : [string.Create(CultureInfo.InvariantCulture, $"{unresolved} order statistic(s) reached the step limit: within {_resolution:G3} of the exact value")],
        };
    }

    private FinishedState Refused(State s, string why) =>
        new(new TableResult(_spec.Name, $"Quantiles of {_spec.Variable}", [], []) { Refused = new Refusal(DisclosureRules.MinRows, why) }, s.Step + 1);
}
