using System.Numerics;

namespace FedChain.Learning.Contribution;

/// <summary>
/// The ledger's reward rule (docs/chain.md, "Scores and rewards"), shared by <c>fedchain simulate</c>,
/// the node and the auditor so all three pay the same units.
/// <list type="number">
/// <item>Each round's engine scores (1e-9 units) become the chain's micro units (1e6 = 1.0: divided by 1,000,
/// nearest, halves away from zero), clamped to ±1e6; if the positive ones still sum past 1e6 each is
/// scaled by 1e6 / sum, rounded down (<see cref="ChainScores"/>).</item>
/// <item>A member's net score N is the sum of its chain scores over the plan's rounds: negative rounds count.</item>
/// <item>Each member with N &gt; 0 is paid floor(pool · N / (training rounds · 1e6)); N &lt;= 0 is paid nothing
/// (<see cref="Payouts"/>). The pool is never exceeded: positive scores sum to at most 1e6 per round.</item>
/// </list>
/// A noise sender's negative rounds cancel its positive ones, so it is not paid for them.
/// </summary>
public static class RewardRule
{
    /// <summary>Chain units per 1.0 of score, and the bound on one score and on a round's positive scores together.</summary>
    public const long ChainScale = 1_000_000;

    /// <summary>Engine units per chain unit.</summary>
    public const long EngineUnitsPerChainUnit = ScoreUnits.Scale / ChainScale;

    /// <summary>One round's engine scores in the ledger's bounded micro units, in the same order.</summary>
    public static long[] ChainScores(IReadOnlyList<long> engineScores)
    {
        var micro = engineScores.Select(s => Math.Clamp(ScoreUnits.Divide(s, EngineUnitsPerChainUnit), -ChainScale, ChainScale)).ToArray();
        var positive = micro.Where(s => s > 0).Sum();
        if (positive > ChainScale) micro = [.. micro.Select(s => s > 0 ? (long)(new BigInteger(s) * ChainScale / positive) : s)];
        return micro;
    }

    /// <summary>Each member's net chain score over <paramref name="rounds"/> (members as given, in first-seen order).</summary>
    public static IReadOnlyList<(string Member, long Net)> NetScores(IEnumerable<(IReadOnlyList<string> Members, IReadOnlyList<long> ChainScores)> rounds)
    {
        var net = new List<(string Member, long Net)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (members, scores) in rounds)
        {
            for (var i = 0; i < members.Count; i++)
            {
                if (!index.TryGetValue(members[i], out var at))
                {
                    index[members[i]] = at = net.Count;
                    net.Add((members[i], 0));
                }

                net[at] = (members[i], checked(net[at].Net + scores[i]));
            }
        }

        return net;
    }

    /// <summary>What one member with net score <paramref name="net"/> is paid from <paramref name="pool"/> over <paramref name="trainingRounds"/>.</summary>
    public static BigInteger Payout(long net, BigInteger pool, int trainingRounds) =>
        net > 0 && pool > 0 && trainingRounds > 0 ? pool * net / (trainingRounds * (BigInteger)ChainScale) : BigInteger.Zero;

    /// <summary>What the plan pays when it settles, per member with a payout above zero (members as given).</summary>
    public static IReadOnlyDictionary<string, BigInteger> Payouts(IEnumerable<(IReadOnlyList<string> Members, IReadOnlyList<long> ChainScores)> rounds, BigInteger pool, int trainingRounds)
    {
        var payouts = new SortedDictionary<string, BigInteger>(StringComparer.Ordinal);
        foreach (var (member, net) in NetScores(rounds))
        {
            var amount = Payout(net, pool, trainingRounds);
            if (amount > 0) payouts[member] = amount;
        }

        return payouts;
    }
}
