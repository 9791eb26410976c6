using System.Globalization;
using FedChain.Learning.Plans;

namespace FedChain.Node.Consent;

/// <summary>
/// Decides whether this institution takes part in a plan: an explicit approval of the plan's hash
/// joins it; otherwise the config's policy approves a plan that keeps every rule and refuses one
/// that breaks a rule (naming it); without a policy the plan awaits local approval.
/// </summary>
public static class PlanConsent
{
    public static ConsentDecision Decide(TrainingPlan plan, PlanApproval? approval, ConsentPolicy? policy)
    {
        if (approval is not null)
            return new(ConsentDecision.Approved, $"approved by {approval.ApprovedBy} at {approval.ApprovedAt.ToString("u", CultureInfo.InvariantCulture)}");
        if (policy is null)
            return new(ConsentDecision.Awaiting, $"no approval of plan {plan.Hash[..12]} and no consent policy in the node config: run `fedchain plan approve {plan.Hash}`");
        if (Broken(plan, policy) is { } broken)
            return new(ConsentDecision.Refused, $"the consent policy's rule {broken.Rule} refuses it: {broken.Why}", broken.Rule);
        return new(ConsentDecision.Approved, "approved by the node config's consent policy");
    }

    /// <summary>The first rule of <paramref name="policy"/> that <paramref name="plan"/> breaks, or null.</summary>
    public static (string Rule, string Why)? Broken(TrainingPlan plan, ConsentPolicy policy)
    {
        var inv = CultureInfo.InvariantCulture;
        if (policy.AllowedSchemas is { } schemas && !schemas.Any(s => string.Equals(s, plan.Schema.Hash, StringComparison.OrdinalIgnoreCase) || s == plan.Schema.Name))
            return ("allowedSchemas", $"the plan's schema {plan.Schema.Name} ({plan.Schema.Hash[..12]}) is not among {string.Join(", ", schemas)}");
        if (policy.MaxEpsilon is { } max)
        {
            if (plan.Privacy is null) return ("maxEpsilon", string.Create(inv, $"the plan trains without differential privacy (no epsilon bound); this site accepts at most epsilon {max:G4}"));
            if (plan.Privacy.TargetEpsilon > max) return ("maxEpsilon", string.Create(inv, $"the plan's epsilon {plan.Privacy.TargetEpsilon:G4} is above this site's {max:G4}"));
        }

        if (policy.ModelKinds is { } kinds && !kinds.Any(k => ConsentPolicy.ParseKind(k) == plan.Model.Kind))
            return ("modelKinds", $"the plan trains {ConsentPolicy.Name(plan.Model.Kind)}; this site accepts {string.Join(", ", kinds)}");
        if (policy.RequireSecureAggregation && plan.SecureAggregation is not { Enabled: true })
            return ("requireSecureAggregation", "the plan sends updates without secure aggregation");
        return null;
    }
}
