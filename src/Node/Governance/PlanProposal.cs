using FedChain.Contracts.Deployment;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Contribution;
using FedChain.Learning.Plans;
using FedChain.Node.Privacy;

namespace FedChain.Node.Governance;

/// <summary>
/// The one place a plan document becomes the chain's <see cref="PlanParams"/>: the plan hash, the
/// invited members, the training rounds plus round 0, and the plan's chain terms (its "chain"
/// section, or <see cref="ChainTerms.Default"/>). `gov propose start-plan` and the demo both use it.
/// </summary>
public static class PlanProposal
{
    /// <summary>What the ledger schedules: round 0 exchanges moments, then the plan's training rounds.</summary>
    public static uint ChainRounds(TrainingPlan plan) => (uint)plan.Rounds + 1;

    public static PlanParams Params(TrainingPlan plan, IEnumerable<string> invited)
    {
        var terms = plan.Chain ?? ChainTerms.Default;
        return new PlanParams
        {
            PlanHash = Convert.FromHexString(plan.Hash),
            Invited = [.. invited],
            Rounds = ChainRounds(plan),
            CommitWindow = terms.CommitWindowSeconds,
            EnrolmentWindow = terms.EnrolmentWindowSeconds,
            QuorumPercent = (byte)terms.QuorumPercent,
            ScoresLag = (byte)terms.ScoresLag,
            ContributionMode = (byte)(plan.Contribution?.Mode == ContributionMode.SumOnly ? 1 : 0),
            RewardPerScore = plan.Contribution is null ? 0 : terms.RewardPerScore,
            EpsilonBudget = PrivacySchedule.BudgetMicro(plan),
            SecureAggregation = plan.SecureAggregation is { Enabled: true },
        };
    }

    public static Proposal For(ConsortiumAddresses at, TrainingPlan plan, IReadOnlyList<string> invited) =>
        Proposals.StartPlan(at, Params(plan, invited),
            $"Start plan {plan.Hash}: {plan.Rounds} rounds of {plan.Server.Rule} on {plan.Model.Kind}, {invited.Count} invited");
}
