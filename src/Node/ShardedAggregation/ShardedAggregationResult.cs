using FedChain.Node.Identity;

namespace FedChain.Node.ShardedAggregation;

/// <summary>The verified sum mod 2^32 over every participant, who aggregated each shard (the member whose claim
/// was accepted, or this node when it redid the shard itself), and the members caught lying.</summary>
public sealed record ShardedAggregationResult(uint[] Sum, IReadOnlyList<NodeAddress> Aggregators, IReadOnlyList<AggregatorFinding> Findings);
