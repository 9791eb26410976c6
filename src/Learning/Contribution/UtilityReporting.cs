using FedChain.Learning.Aggregation;
using FedChain.Learning.Data;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Contribution;

/// <summary>
/// A node's whole side of a scored round in one call: the round's schedule, every scheduled subset
/// model built from the committed updates, and its own utility report on its validation rows.
/// The node then signs <see cref="UtilityReport.CanonicalBytes"/> and publishes the report.
/// </summary>
public static class UtilityReporting
{
    /// <param name="globalBefore">The global model the round trained from.</param>
    /// <param name="stateBefore">The server state the round's rule started from.</param>
    /// <param name="updates">The committed participants' updates in roster order (unmasked: per-member mode only).</param>
    /// <param name="members">Members of the plan (N), as the round's own aggregation passes it.</param>
    /// <param name="member">The reporting node's identity.</param>
    /// <param name="validation">The node's own held-out rows, normalised as it trains.</param>
    /// <returns>The report, or null when the node's rows cannot measure the metric (it abstains).</returns>
    public static UtilityReport? Report(
        TrainingPlan plan, int round, float[] globalBefore, ServerState stateBefore,
        IReadOnlyList<MemberUpdate> updates, int members, string member, SiteDataset validation)
    {
        var settings = plan.Contribution ?? throw new ArgumentException("the plan has no contribution section", nameof(plan));
        var schedule = CoalitionSchedule.For(settings, plan.Seed, round, updates.Count);
        var models = CoalitionModels.BuildAll(plan, globalBefore, stateBefore, updates, schedule, members);
        return UtilityEvaluation.Evaluate(plan.Hash, round, member, plan.Architecture(), settings.Metric, validation, schedule, models);
    }
}
