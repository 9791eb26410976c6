using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Contribution;

namespace FedChain.Node.Contributions;

/// <summary>
/// From the scoring engine's numbers to the chain's vectors, and the chain's reward rule over recorded
/// vectors; the rule itself is <see cref="RewardRule"/>, the one <c>fedchain simulate</c> pays by.
/// </summary>
public static class ChainScores
{
    /// <summary>
    /// The vector members vote on and record: exactly the round's <paramref name="committers"/> as the chain
    /// decided them (committed, not excluded), ascending lower-case addresses, each with its engine score in
    /// the ledger's bounded micro units (<see cref="RewardRule.ChainScores"/>), 0 for a committer the engine
    /// did not score (its blob failed the checks). Deterministic, so every node votes the same vector.
    /// </summary>
    public static ScoreVector ToVector(BigInteger planId, RoundScores scores, IReadOnlyList<string> committers)
    {
        var byMember = scores.Members.Zip(scores.Scores, (m, s) => (m, s)).ToDictionary(p => p.m.ToLowerInvariant(), p => p.s, StringComparer.Ordinal);
        var members = committers.Select(c => c.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        var micro = RewardRule.ChainScores([.. members.Select(m => byMember.GetValueOrDefault(m))]);
        return new ScoreVector(planId, (uint)scores.Round, members, micro);
    }

    /// <summary>Reward units per 1.0 of net score: the plan's pool over its training rounds (PlanTerms, PlanLimits).</summary>
    public static BigInteger RewardPerScore(PlanRecord plan) =>
        plan.Terms is { } terms && plan.Limits is { } limits && plan.TotalRounds > limits.SetupRounds
            ? terms.RewardPool / (plan.TotalRounds - limits.SetupRounds)
            : BigInteger.Zero;

    /// <summary>What the ledger pays when a plan settles (<see cref="RewardRule.Payouts"/> over the recorded vectors), lower-case addresses.</summary>
    public static IReadOnlyDictionary<string, BigInteger> Payouts(IEnumerable<ScoreVector> recorded, BigInteger rewardPool, int trainingRounds) =>
        RewardRule.Payouts(recorded.Select(v => ((IReadOnlyList<string>)[.. v.Members.Select(m => m.ToLowerInvariant())], v.Scores)), rewardPool, trainingRounds);

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
