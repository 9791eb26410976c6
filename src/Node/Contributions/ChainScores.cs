using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Contribution;

namespace FedChain.Node.Contributions;

/// <summary>
/// From the scoring engine's numbers to the chain's, and the chain's reward rule in C#.
/// The engine scores in 1e-9 units (<see cref="ScoreUnits"/>); the ledger's score vectors are
/// micro units (1e6 = 1.0, docs/chain.md), so each score is divided by 1,000 with the engine's one
/// rounding rule (nearest, halves away from zero). A score under 0.0000005 records as 0.
/// </summary>
public static class ChainScores
{
    /// <summary>Engine units per chain unit.</summary>
    public const long EngineUnitsPerMicro = ScoreUnits.Scale / 1_000_000;

    /// <summary>The ledger's bound on one score and on a round's positive scores together, micro units.</summary>
    public const long Bound = 1_000_000;

    /// <summary>
    /// The vector members vote on and record: exactly the round's <paramref name="committers"/> as the chain
    /// decided them (committed, not excluded), ascending lower-case addresses, each with its engine score in
    /// micro units, 0 for a committer the engine did not score (its blob failed the checks). The ledger refuses
    /// a vector with a score past ±1e6 or positive scores summing past 1e6: scores are clamped to ±1e6, and if
    /// the positive ones still sum past 1e6 each is scaled by 1e6 / sum, rounded down (deterministic, so every
    /// node votes the same vector).
    /// </summary>
    public static ScoreVector ToVector(BigInteger planId, RoundScores scores, IReadOnlyList<string> committers)
    {
        var byMember = scores.Members.Zip(scores.Scores, (m, s) => (m, s)).ToDictionary(p => p.m.ToLowerInvariant(), p => ScoreUnits.Divide(p.s, EngineUnitsPerMicro), StringComparer.Ordinal);
        var members = committers.Select(c => c.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        var micro = members.Select(m => Math.Clamp(byMember.GetValueOrDefault(m), -Bound, Bound)).ToList();
        var positive = micro.Where(s => s > 0).Sum();
        if (positive > Bound) micro = [.. micro.Select(s => s > 0 ? (long)(new BigInteger(s) * Bound / positive) : s)];
        return new ScoreVector(planId, (uint)scores.Round, members, micro);
    }

    /// <summary>Reward units per 1.0 of net score: the plan's pool over its training rounds (PlanTerms, PlanLimits).</summary>
    public static BigInteger RewardPerScore(PlanRecord plan) =>
        plan.Terms is { } terms && plan.Limits is { } limits && plan.TotalRounds > limits.SetupRounds
            ? terms.RewardPool / (plan.TotalRounds - limits.SetupRounds)
            : BigInteger.Zero;

    /// <summary>
    /// What the ledger pays when a plan settles (docs/chain.md, "Scores and rewards"): per member, its net
    /// score N over every recorded round (negative rounds count), and rewardPool * N / (training rounds * 1e6),
    /// floored, for N &gt; 0; members with nothing to be paid are left out. Lower-case addresses.
    /// </summary>
    public static IReadOnlyDictionary<string, BigInteger> Payouts(IEnumerable<ScoreVector> recorded, BigInteger rewardPool, int trainingRounds)
    {
        var net = new SortedDictionary<string, BigInteger>(StringComparer.Ordinal);
        foreach (var row in recorded)
        {
            for (var i = 0; i < row.Members.Count; i++)
            {
                var member = row.Members[i].ToLowerInvariant();
                net[member] = net.GetValueOrDefault(member) + row.Scores[i];
            }
        }

        var payouts = new SortedDictionary<string, BigInteger>(StringComparer.Ordinal);
        if (rewardPool <= 0 || trainingRounds <= 0) return payouts;
        foreach (var (member, n) in net)
        {
            var amount = n > 0 ? rewardPool * n / (trainingRounds * (BigInteger)Bound) : BigInteger.Zero;
            if (amount > 0) payouts[member] = amount;
        }

        return payouts;
    }

    /// <summary>
    /// Splits agreed rounds into <c>recordScores</c> batches: consecutive rounds with the same member
    /// list, at most <paramref name="perBatch"/> each (docs/chain.md: recording every 2 to 4 rounds costs least gas).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ScoreVector>> Batches(IEnumerable<ScoreVector> rounds, int perBatch = 4)
    {
        var batches = new List<IReadOnlyList<ScoreVector>>();
        List<ScoreVector>? current = null;
        foreach (var vector in rounds.OrderBy(v => v.Round))
        {
            var fits = current is { Count: > 0 } && current.Count < perBatch && current[^1].Round + 1 == vector.Round
                && current[^1].Members.SequenceEqual(vector.Members, StringComparer.OrdinalIgnoreCase);
            if (!fits) batches.Add(current = []);
            current!.Add(vector);
        }

        return batches;
    }
}
