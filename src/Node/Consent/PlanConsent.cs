using System.Globalization;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Plans;

namespace FedChain.Node.Consent;

/// <summary>
/// Decides whether this institution takes part in a plan: an explicit approval of the plan's hash
/// joins it; otherwise the config's policy approves a plan that keeps every rule and refuses one
/// that breaks a rule (naming it); without a policy the plan awaits local approval.
/// </summary>
public static class PlanConsent
{
    public static ConsentDecision Decide(TrainingPlan plan, PlanApproval? approval, ConsentPolicy? policy) =>
        Decide(PlanTerms.Of(plan), approval, policy);

    public static ConsentDecision Decide(AnalysisPlan plan, PlanApproval? approval, ConsentPolicy? policy) =>
        Decide(PlanTerms.Of(plan), approval, policy);

    private static ConsentDecision Decide(PlanTerms plan, PlanApproval? approval, ConsentPolicy? policy)
    {
        if (approval is not null)
            return new(ConsentDecision.Approved, $"approved by {approval.ApprovedBy} at {approval.ApprovedAt.ToString("u", CultureInfo.InvariantCulture)}");
        if (policy is null)
            return new(ConsentDecision.Awaiting, $"no approval of plan {plan.Hash[..12]} and no consent policy in the node config: run `fedchain plan approve {plan.Hash}`");
        if (Broken(plan, policy) is { } broken)
            return new(ConsentDecision.Refused, $"the consent policy's rule {broken.Rule} refuses it: {broken.Why}", broken.Rule);
        return new(ConsentDecision.Approved, "approved by the node config's consent policy");
    }

    /// <summary>The first rule of <paramref name="policy"/> that the plan breaks, or null.</summary>
    public static (string Rule, string Why)? Broken(PlanTerms plan, ConsentPolicy policy)
    {
        var inv = CultureInfo.InvariantCulture;
        if (policy.AllowedSchemas is { } schemas && !schemas.Any(s => string.Equals(s, plan.Schema.Hash, StringComparison.OrdinalIgnoreCase) || s == plan.Schema.Name))
            return ("allowedSchemas", $"{plan.Noun}'s schema {plan.Schema.Name} ({plan.Schema.Hash[..12]}) is not among {string.Join(", ", schemas)}");
        if (policy.MaxEpsilon is { } max)
        {
            if (plan.Epsilon is not { } epsilon) return ("maxEpsilon", string.Create(inv, $"{plan.Noun} has no differential-privacy bound (no epsilon); this site accepts at most epsilon {max:G4}"));
            if (epsilon > max) return ("maxEpsilon", string.Create(inv, $"{plan.Noun}'s epsilon {epsilon:G4} ({plan.EpsilonSource}) is above this site's {max:G4}"));
        }

        if (policy.ModelKinds is { } kinds && plan.Model is { } model && !kinds.Any(k => ConsentPolicy.ParseKind(k) == model))
            return ("modelKinds", $"{plan.Noun} trains {ConsentPolicy.Name(model)}; this site accepts {string.Join(", ", kinds)}");
        if (policy.RequireSecureAggregation && !plan.SecureAggregation)
            return ("requireSecureAggregation", $"{plan.Noun} shares its site's contribution without secure aggregation");
        return null;
    }
}
