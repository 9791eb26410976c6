using System.Numerics;
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

    /// <summary>The vector members vote on and record: roster order, scores in micro units.</summary>
    public static ScoreVector ToVector(BigInteger planId, RoundScores scores) => new(
        planId, (uint)scores.Round, scores.Members, [.. scores.Scores.Select(s => ScoreUnits.Divide(s, EngineUnitsPerMicro))]);

    /// <summary>
    /// What one <c>recordScores</c> call mints (TrainingLedger, docs/chain.md §6): per member
    /// sum over the batch's rows of its positive scores, times <paramref name="rewardPerScore"/>,
    /// divided by 1e6 and floored; members that earn nothing are left out. Every row must list the same members.
    /// </summary>
    public static IReadOnlyDictionary<string, BigInteger> Mints(IReadOnlyList<ScoreVector> batch, BigInteger rewardPerScore)
    {
        var mints = new SortedDictionary<string, BigInteger>(StringComparer.Ordinal);
        if (batch.Count == 0 || rewardPerScore <= 0) return mints;
        var members = batch[0].Members.Select(m => m.ToLowerInvariant()).ToList();
        for (var i = 0; i < members.Count; i++)
        {
            var earned = batch.Aggregate(BigInteger.Zero, (sum, row) => sum + Math.Max(row.Scores[i], 0));
            if (earned > 0) mints[members[i]] = earned * rewardPerScore / 1_000_000;
        }

        return mints;
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
