using FedChain.Node.Blobs;
using FedChain.Node.Identity;

namespace FedChain.Node.ShardedAggregation;

/// <summary>An aggregator's claim: shard <see cref="Shard"/> of the sum over <see cref="Contributors"/> is blob
/// <see cref="Aggregate"/> (a <see cref="ShardSum"/>). Signed by the aggregator, so a wrong claim names it.</summary>
public sealed record ShardAggregated(string Session, int Shard, BlobId Aggregate, IReadOnlyList<NodeAddress> Contributors) : IShardMessage;
