namespace FedChain.Node.ShardedAggregation;

/// <summary>An answer to the challenge of one claim, named by its gossip message id.</summary>
public readonly record struct ChallengeAnswer(string Claim, ulong Value);
