namespace FedChain.Learning.Collection;

/// <summary>How the members of a round get the round's sum (docs/network.md, "Sharded aggregation").</summary>
public enum CollectionMode
{
    /// <summary>Every member pulls every committed update and sums it: (N - 1) updates in per node per round.</summary>
    FullReplication,

    /// <summary>A reduce-scatter and all-gather: each member sums one shard of everyone's update and every member checks every
    /// shard sum against a random challenge; about 2.2 updates in per node per round, whatever N. Only the sum is seen.</summary>
    Sharded,
}
