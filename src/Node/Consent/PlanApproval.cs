namespace FedChain.Node.Consent;

/// <summary>One institution's decision to join a plan: which plan, who decided, and when.</summary>
/// <param name="ApprovedAt">UTC, ISO 8601.</param>
public sealed record PlanApproval(string PlanHash, string ApprovedBy, DateTimeOffset ApprovedAt, string? Note = null);
