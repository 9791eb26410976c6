namespace FedChain.Learning.Contribution;

/// <summary>
/// Rewards from a round's scores: the plan's reward per round is shared in proportion to the
/// positive scores, reward_i = floor(R * max(score_i, 0) / sum_j max(score_j, 0)); a score at or
/// below zero earns nothing, and a round with no positive score mints nothing. The remainder left by
/// the floors (fewer than one unit per member) is not minted. Integer arithmetic only, so the chain
/// and an auditor recompute it exactly.
/// </summary>
public static class RewardRule
{
    public static long[] Allocate(IReadOnlyList<long> scores, long rewardPerRound)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rewardPerRound);
        Int128 positive = 0;
        foreach (var s in scores) if (s > 0) positive += s;
        var rewards = new long[scores.Count];
        if (positive == 0) return rewards;
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i] > 0) rewards[i] = (long)((Int128)rewardPerRound * scores[i] / positive);
        }

        return rewards;
    }
}
