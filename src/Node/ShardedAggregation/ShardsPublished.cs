using FedChain.Node.Blobs;

namespace FedChain.Node.ShardedAggregation;

/// <summary>A member's update, cut into shards: <see cref="Shards"/> are the shards' blob ids in shard order (32 bytes
/// each on the wire, as <see cref="ShardMessageCodec.EncodeShardList"/>). Signed by the member (gossip). The list
/// travels in the message: gossip brings it to each node about D + 1 times (1.6 KB at N = 50, 0.08x the update in
/// all), where a list blob cost every node N - 1 downloads of its own, a third of all its downloads.</summary>
public sealed record ShardsPublished(string Session, int Length, IReadOnlyList<BlobId> Shards) : IShardMessage;
