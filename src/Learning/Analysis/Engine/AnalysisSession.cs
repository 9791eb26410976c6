using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Engine;

/// <summary>
/// A whole analysis plan as rounds. Round r carries step r of every analysis not yet finished,
/// their blocks laid out one after another in plan order; each site's vector is that layout
/// encoded in the 64-bit ring (<see cref="FixedPointRing"/>). A node calls <see cref="Contribute"/>
/// with its own rows, the members sum the vectors mod 2^64 (plainly or by secure aggregation), and
/// every member calls <see cref="Advance"/> with the same sum and reaches the same next session.
/// Sites are in ordinal order of their names: the order of per-site slices. Round 1 also carries
/// one pooled slot, the sites' total rows, which must stay within the plan's maxRows for the
/// fixed-point scales to be safe.
/// </summary>
public sealed class AnalysisSession
{
    private readonly FederatedAnalysis[] _analyses;

    private AnalysisSession(AnalysisPlan plan, IReadOnlyList<string> sites, FederatedAnalysis[] analyses, IReadOnlyList<AnalysisState> states, int round)
    {
        Plan = plan;
        Sites = sites;
        _analyses = analyses;
        States = states;
        Round = round;
    }

    public AnalysisPlan Plan { get; }

    /// <summary>The roster, in ordinal order of names.</summary>
    public IReadOnlyList<string> Sites { get; }

    /// <summary>Each analysis's public state, in plan order.</summary>
    public IReadOnlyList<AnalysisState> States { get; }

    /// <summary>Rounds completed.</summary>
    public int Round { get; }

    public bool Finished => States.All(s => s.Finished);

    /// <summary>The most rounds this plan can take: the chain's schedule (the session may finish earlier).</summary>
    public int MaxRounds => _analyses.Max(a => a.MaxSteps);

    public IReadOnlyList<AnalysisResult> Results => [.. States.Select(s => s.Result ?? throw new InvalidOperationException("the analysis has not finished"))];

    /// <summary>The blocks of the next round, with the analysis each belongs to and its offset in the vector.</summary>
    public IReadOnlyList<(string Analysis, StatisticBlock Block, int Offset)> Layout
    {
        get
        {
            var layout = new List<(string, StatisticBlock, int)>();
            var offset = 0;
            if (Round == 0) layout.Add(("(session)", RowsBlock, offset++));
            for (var a = 0; a < States.Count; a++)
            {
                foreach (var block in States[a].Request?.Blocks ?? [])
                {
                    layout.Add((Plan.Analyses[a].Name, block, offset));
                    offset += block.Width(Sites.Count);
                }
            }

            return layout;
        }
    }

    /// <summary>The record of what the next round shares: <see cref="Layout"/> as it goes into <see cref="AnalysisOutcome.Shared"/>.</summary>
    public IReadOnlyList<SharedBlock> NextShared =>
        [.. Layout.Select(l => new SharedBlock(Round + 1, l.Analysis, l.Block.Name, l.Block.Release, l.Block.Length, l.Block.FractionBits))];

    /// <summary>The finished plan's outcome, with the record of every round's <see cref="NextShared"/>.</summary>
    public AnalysisOutcome Outcome(IReadOnlyList<SharedBlock> shared) =>
        new(Plan.Hash, Sites, Round, MaxRounds, Plan.SecureAggregation, Results, shared);

    /// <summary>Slots in the next round's vector.</summary>
    public int VectorLength => (Round == 0 ? 1 : 0) + States.Sum(s => s.Request?.Width(Sites.Count) ?? 0);

    private static readonly StatisticBlock RowsBlock = new("rows of all sites", 1, 0, Release.Pooled);

    public static AnalysisSession Start(AnalysisPlan plan, IEnumerable<string> sites)
    {
        plan.Validate();
        var roster = sites.Order(StringComparer.Ordinal).ToArray();
        if (roster.Length == 0 || roster.Distinct(StringComparer.Ordinal).Count() != roster.Length) throw new ArgumentException("the roster must name each site once");
        var context = new AnalysisContext(plan, roster);
        var analyses = plan.Analyses.Select(a => a.Create(context)).ToArray();
        return new AnalysisSession(plan, roster, analyses, [.. analyses.Select(a => a.Start())], 0);
    }

    /// <summary>One site's vector for the next round: pure in its rows, its noise and this session.</summary>
    /// <exception cref="RingOverflowException">A statistic exceeds the bound its scale was set from (more rows than the plan's maxRows, say).</exception>
    public ulong[] Contribute(string site, SiteInput input)
    {
        var index = SiteIndex(site);
        if (input.Table.RowCount > Plan.MaxRows) throw new RingOverflowException($"site '{site}' has {input.Table.RowCount} rows, above the plan's maxRows {Plan.MaxRows}");
        var vector = new ulong[VectorLength];
        var offset = 0;
        if (Round == 0) vector[offset++] = (ulong)input.Table.RowCount;
        for (var a = 0; a < States.Count; a++)
        {
            if (States[a].Request is not { } request) continue;
            var values = _analyses[a].Contribute(States[a], input);
            for (var b = 0; b < request.Blocks.Count; b++)
            {
                var block = request.Blocks[b];
                if (values[b].Length != block.Length) throw new InvalidOperationException($"analysis '{Plan.Analyses[a].Name}' block '{block.Name}' gave {values[b].Length} values for {block.Length} slots");
                var at = offset + (block.Release == Release.PerSite ? index * block.Length : 0);
                FixedPointRing.Encode(values[b], block.FractionBits, vector.AsSpan(at, block.Length), block.Name);
                offset += block.Width(Sites.Count);
            }
        }

        return vector;
    }

    /// <summary>The next session from the round's sum (mod 2^64) of every site's vector.</summary>
    public AnalysisSession Advance(ReadOnlySpan<ulong> sum)
    {
        if (Finished) throw new InvalidOperationException("the session has finished");
        if (sum.Length != VectorLength) throw new ArgumentException($"the round's sum has {sum.Length} slots, expected {VectorLength}");
        var states = new AnalysisState[States.Count];
        var offset = 0;
        if (Round == 0 && (long)sum[offset++] is var rows && rows > Plan.MaxRows)
        {
            throw new RingOverflowException($"the sites hold {rows} rows together, above the plan's maxRows {Plan.MaxRows}: fixed-point sums may have wrapped");
        }

        for (var a = 0; a < States.Count; a++)
        {
            if (States[a].Request is not { } request) { states[a] = States[a]; continue; }
            var blocks = new double[request.Blocks.Count][];
            for (var b = 0; b < blocks.Length; b++)
            {
                var block = request.Blocks[b];
                var width = block.Width(Sites.Count);
                blocks[b] = new double[width];
                for (var i = 0; i < width; i++) blocks[b][i] = FixedPointRing.Decode(sum[offset + i], block.FractionBits);
                offset += width;
            }

            states[a] = _analyses[a].Advance(States[a], new StepSums(request, Sites.Count, blocks));
        }

        return new AnalysisSession(Plan, Sites, _analyses, states, Round + 1);
    }

    private int SiteIndex(string site)
    {
        for (var i = 0; i < Sites.Count; i++)
        {
            if (Sites[i] == site) return i;
        }

        throw new ArgumentException($"site '{site}' is not in the roster ({string.Join(", ", Sites)})");
    }
}
