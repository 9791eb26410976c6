namespace FedChain.Node.Consent;

/// <summary>Whether this institution joins a plan, and why.</summary>
/// <param name="Status">approved, awaiting local approval, or refused.</param>
/// <param name="Reason">In words: who approved it, or the rule that refused it.</param>
/// <param name="Rule">The policy rule that refused the plan (allowedSchemas, maxEpsilon, modelKinds, requireSecureAggregation).</param>
public sealed record ConsentDecision(string Status, string Reason, string? Rule = null)
{
    public const string Approved = "approved";
    public const string Awaiting = "awaiting local approval";
    public const string Refused = "refused";

    public bool Joins => Status == Approved;
}
