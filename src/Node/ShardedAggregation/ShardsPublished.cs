using FedChain.Node.Blobs;

namespace FedChain.Node.ShardedAggregation;

/// <summary>A member's update, cut into shards: the blob id of each, in shard order. Signed by the member (gossip).</summary>
public sealed record ShardsPublished(string Session, int Length, IReadOnlyList<BlobId> Shards) : IShardMessage;
