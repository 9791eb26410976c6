using FedChain.Learning.SecureAggregation;

namespace FedChain.Learning.Plans;

/// <summary>
/// Whether updates are summed under secure aggregation (Bonawitz et al. 2017; docs/privacy.md), and
/// its parameters. The choice sits in the plan, so it is on-chain with the plan's hash. A plan
/// without this section does not use secure aggregation.
/// </summary>
/// <param name="Enabled">True: members mask their updates and only the sum over the survivors is ever unmasked.</param>
/// <param name="Threshold">t: how many share holders must answer to unmask; required when enabled. It must
/// exceed half of each member's share holders and not exceed them (checked per round, when the roster is known).</param>
/// <param name="Neighbours">SecAgg+ (Bell et al. 2020): each member masks with and shares to k neighbours
/// (even, at least 2); null: every member with every other.</param>
public sealed record SecureAggregationSettings(bool Enabled, int? Threshold = null, int? Neighbours = null)
{
    /// <summary>Throws naming the field when a value cannot work for any roster of up to <paramref name="maxMembers"/>.</summary>
    public void Validate(int maxMembers)
    {
        if (!Enabled)
        {
            if (Threshold is not null || Neighbours is not null) throw new ArgumentException("plan secureAggregation: threshold and neighbours only apply when enabled");
            return;
        }

        if (Threshold is not { } t) throw new ArgumentException("plan secureAggregation threshold is required when enabled");
        // Two share holders at least (a roster of 2), and never more than the plan's members.
        if (t < 2 || t > maxMembers) throw new ArgumentException($"plan secureAggregation threshold must lie in [2, {maxMembers}] (quantisation maxMembers), got {t}");
        if (Neighbours is { } k)
        {
            if (k < 2 || k % 2 != 0) throw new ArgumentException($"plan secureAggregation neighbours must be even and at least 2, got {k}");
            // With k + 1 share holders per member, t must be a strict majority of them (SecAggParameters).
            if (t > k + 1 || 2 * t <= k + 1) throw new ArgumentException($"plan secureAggregation threshold {t} must exceed half of the {k + 1} share holders (a member and its {k} neighbours) and not exceed them");
        }
    }

    /// <summary>The parameters of one round, once the chain has fixed its roster; throws when the roster does not fit the threshold.</summary>
    /// <param name="roundId">32 bytes naming the round (for example SHA-256 of plan hash and round number).</param>
    /// <param name="memberCount">The round's roster size.</param>
    /// <param name="vectorLength">The update length (<see cref="TrainingPlan.UpdateLength"/>).</param>
    public SecAggParameters ForRound(byte[] roundId, int memberCount, int vectorLength)
    {
        if (!Enabled) throw new InvalidOperationException("the plan does not use secure aggregation");
        return new SecAggParameters
        {
            RoundId = roundId,
            MemberCount = memberCount,
            Threshold = Threshold!.Value,
            VectorLength = vectorLength,
            Neighbours = Neighbours,
        }.Validate();
    }
}
