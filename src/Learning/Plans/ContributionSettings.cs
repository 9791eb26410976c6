namespace FedChain.Learning.Plans;

/// <summary>
/// Contribution-scoring method. Issue 8 (Contribution/) defines the fields; until then a plan
/// leaves this section out (null).
/// </summary>
public sealed record ContributionSettings;
