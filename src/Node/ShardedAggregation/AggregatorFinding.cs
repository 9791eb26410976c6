using FedChain.Node.Blobs;
using FedChain.Node.Identity;

namespace FedChain.Node.ShardedAggregation;

/// <summary>
/// A member caught lying in a sharded aggregation, with what proves it: <see cref="Claim"/> is the id of
/// its signed gossip message (a shard claim, or the claim whose challenge it answered falsely), and
/// anyone holding the committed shard blobs can recompute the shard and see the same.
/// </summary>
public sealed record AggregatorFinding(NodeAddress Member, int Shard, string Claim, BlobId Aggregate, FindingKind Kind, string Reason);
