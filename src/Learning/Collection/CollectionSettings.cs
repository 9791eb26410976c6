namespace FedChain.Learning.Collection;

/// <summary>
/// How a round's committed updates become its sum. A plan without this section replicates every update to
/// every member. <see cref="CollectionMode.Sharded"/> commits each update as a list of shards, one per plan
/// participant, and sums them shard by shard: per-node traffic stays flat as the consortium grows, but no
/// member sees another's update, so rules that need individual updates cannot run with it.
/// </summary>
/// <param name="Mode">Full replication or sharded aggregation.</param>
public sealed record CollectionSettings(CollectionMode Mode = CollectionMode.Sharded);
