namespace FedChain.Learning.SecureAggregation;

/// <summary>
/// The secure-aggregation round cannot go on: too few survivors or shares to meet the threshold,
/// a message that breaks the protocol, or a request that would reveal both masks of one member.
/// Nothing secret has been revealed when it is thrown.
/// </summary>
public sealed class SecureAggregationException(string message) : Exception(message);
