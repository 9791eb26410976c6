namespace FedChain.Learning.Plans;

/// <summary>
/// Secure-aggregation choice and parameters. Issue 7 (SecureAggregation/) defines the fields; until
/// then a plan leaves this section out (null).
/// </summary>
public sealed record SecureAggregationSettings;
