using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;

namespace FedChain.Node.Consent;

/// <summary>
/// What a consent policy rules on, read the same way from a training plan and from an analysis plan,
/// so that each rule is written once (<see cref="PlanConsent"/>).
/// </summary>
/// <param name="Noun">How the refusal names the plan: "the plan" or "the analysis plan".</param>
/// <param name="Epsilon">The epsilon the plan can spend on this site's rows; null when nothing bounds it.</param>
/// <param name="EpsilonSource">What that epsilon is, in words, for the refusal.</param>
/// <param name="Model">The model it trains; null for an analysis, which trains none (modelKinds does not apply).</param>
/// <param name="SecureAggregation">Whether the site's contribution is masked before it leaves.</param>
public sealed record PlanTerms(string Hash, string Noun, DatasetSchema Schema, double? Epsilon, string EpsilonSource, ModelKind? Model, bool SecureAggregation)
{
    public static PlanTerms Of(TrainingPlan plan) =>
        new(plan.Hash, "the plan", plan.Schema, plan.Privacy?.TargetEpsilon, "its DP-SGD target", plan.Model.Kind, plan.SecureAggregation is { Enabled: true });

    /// <summary>
    /// An analysis's exact (non-noised) results are protected by disclosure control, not by an epsilon,
    /// so its epsilon is the sum of its DP releases' (they compose sequentially on the same rows): zero when it has none.
    /// </summary>
    public static PlanTerms Of(AnalysisPlan plan) =>
        new(plan.Hash, "the analysis plan", plan.Schema!, plan.DpReleases().Sum(r => r.Release.Epsilon), "the sum over its DP releases", null, plan.SecureAggregation);
}
