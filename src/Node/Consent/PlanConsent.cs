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
        Decide(plan.Hash, p => Broken(plan, p), approval, policy);

    /// <summary>The same for an analysis plan: its schema and the epsilon of its DP releases are what the policy can rule on.</summary>
    public static ConsentDecision Decide(AnalysisPlan plan, PlanApproval? approval, ConsentPolicy? policy) =>
        Decide(plan.Hash, p => Broken(plan, p), approval, policy);

    private static ConsentDecision Decide(string planHash, Func<ConsentPolicy, (string Rule, string Why)?> brokenRule, PlanApproval? approval, ConsentPolicy? policy)
    {
        if (approval is not null)
            return new(ConsentDecision.Approved, $"approved by {approval.ApprovedBy} at {approval.ApprovedAt.ToString("u", CultureInfo.InvariantCulture)}");
        if (policy is null)
            return new(ConsentDecision.Awaiting, $"no approval of plan {planHash[..12]} and no consent policy in the node config: run `fedchain plan approve {planHash}`");
        if (brokenRule(policy) is { } broken)
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

    /// <summary>
    /// The first rule an analysis plan breaks. Its exact (non-noised) results are protected by disclosure
    /// control, not by an epsilon, so maxEpsilon bounds the sum of its DP releases' epsilons (they compose
    /// sequentially on the same rows); modelKinds does not apply, as it trains no model.
    /// </summary>
    public static (string Rule, string Why)? Broken(AnalysisPlan plan, ConsentPolicy policy)
    {
        var inv = CultureInfo.InvariantCulture;
        var schema = plan.Schema!;
        if (policy.AllowedSchemas is { } schemas && !schemas.Any(s => string.Equals(s, schema.Hash, StringComparison.OrdinalIgnoreCase) || s == schema.Name))
            return ("allowedSchemas", $"the plan's schema {schema.Name} ({schema.Hash[..12]}) is not among {string.Join(", ", schemas)}");
        var epsilon = plan.DpReleases().Sum(r => r.Release.Epsilon);
        if (policy.MaxEpsilon is { } max && epsilon > max)
            return ("maxEpsilon", string.Create(inv, $"the analysis plan's DP releases spend epsilon {epsilon:G4} in all, above this site's {max:G4}"));
        if (policy.RequireSecureAggregation && !plan.SecureAggregation)
            return ("requireSecureAggregation", "the analysis plan pools its statistics without secure aggregation");
        return null;
    }
}
