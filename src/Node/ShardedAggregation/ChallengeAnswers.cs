namespace FedChain.Node.ShardedAggregation;

/// <summary>A member's answers &lt;r_c, x[shard of c]&gt; mod p, one per claim c (by its gossip message id).</summary>
public sealed record ChallengeAnswers(string Session, IReadOnlyList<ChallengeAnswer> Answers) : IShardMessage;
