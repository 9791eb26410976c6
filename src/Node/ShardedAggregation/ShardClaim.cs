using FedChain.Node.Identity;

namespace FedChain.Node.ShardedAggregation;

/// <summary>A shard claim as received: the signed message's id and signer, and its body.</summary>
internal sealed record ShardClaim(string MessageId, NodeAddress Origin, ShardAggregated Body);
