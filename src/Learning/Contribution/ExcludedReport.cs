namespace FedChain.Learning.Contribution;

/// <summary>A utility report that did not count, and why (so an auditor sees the same exclusions).</summary>
public sealed record ExcludedReport(string Member, string Reason);
