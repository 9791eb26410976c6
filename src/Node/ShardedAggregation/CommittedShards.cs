using FedChain.Node.Blobs;
using FedChain.Node.Identity;

namespace FedChain.Node.ShardedAggregation;

/// <summary>
/// A member's update as fixed before any shard is summed: its shard blob ids in shard order and
/// <see cref="Binding"/>, the public id that fixes them (the hash of its committed blob on-chain, or the id of its
/// signed shard-list message). Every claim's challenge is seeded with every member's binding, so it is
/// drawn only after every shard is fixed.
/// </summary>
public sealed record CommittedShards(NodeAddress Member, string Binding, IReadOnlyList<BlobId> Shards);
