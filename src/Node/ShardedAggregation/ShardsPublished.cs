using FedChain.Node.Blobs;

namespace FedChain.Node.ShardedAggregation;

/// <summary>A member's update, cut into shards: <see cref="ShardList"/> is a blob of the shards' blob ids (32 bytes
/// each, in shard order; <see cref="ShardList"/> codec in <see cref="ShardMessageCodec"/>). Signed by the member
/// (gossip). The list travels as a blob, not in the message, because gossip reaches each node about D times.</summary>
public sealed record ShardsPublished(string Session, int Length, BlobId ShardList) : IShardMessage;
