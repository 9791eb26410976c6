using FedChain.Node.Identity;

namespace FedChain.Node.ShardedAggregation;

/// <summary>
/// A member gone from the aggregation (disconnected) whose shard no other holder served within
/// <see cref="ShardedAggregationOptions.GoneMemberShardTimeout"/>: the sum cannot cover it, so the aggregation cannot
/// finish with that member in it. The node takes it out of the round by the chain's exclusion ballot, which a quorum decides.
/// </summary>
public sealed class ShardUnavailableException(string session, NodeAddress member, int shard, TimeSpan waited)
    : Exception($"aggregation {session}: {member} is gone and no holder served its shard {shard} within {waited}")
{
    /// <summary>The member whose shard is nowhere to be had.</summary>
    public NodeAddress Member { get; } = member;

    public int Shard { get; } = shard;
}
