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

    /// <param name="maxSamples">Each invited member's largest sample count, in <paramref name="invited"/>'s order
    /// (default: the plan's maxSamplesPerMember, or a member's DP-declared count when larger).</param>
    /// <param name="defaults">The terms for a document without a chain section (default: <see cref="ChainTerms.Default"/>).</param>
    public static PlanParams Params(TrainingPlan plan, IReadOnlyList<string> invited, IReadOnlyList<ulong>? maxSamples = null, ChainTerms? defaults = null)
    {
        var terms = plan.Chain ?? defaults ?? ChainTerms.Default;
        if (maxSamples is not null && maxSamples.Count != invited.Count) throw new ArgumentException($"{maxSamples.Count} sample caps for {invited.Count} invited members", nameof(maxSamples));
        var cap = (ulong)Math.Max(terms.MaxSamplesPerMember, plan.Privacy?.DeclaredCounts.Select(d => d.Records).DefaultIfEmpty(0).Max() ?? 0);
        return new PlanParams
        {
            PlanHash = Convert.FromHexString(plan.Hash),
            SchemaHash = Convert.FromHexString(plan.Schema.Hash),
            Invited = [.. invited],
            MaxSamples = maxSamples is null ? [.. invited.Select(_ => cap)] : [.. maxSamples],
            Rounds = ChainRounds(plan),
            SetupRounds = 1,
            CommitWindow = terms.CommitWindowSeconds,
            EnrolmentWindow = terms.EnrolmentWindowSeconds,
            AvailabilityWindow = terms.AvailabilityWindow,
            SettlementWindow = terms.SettlementWindow,
            MinParticipants = (byte)terms.MinParticipants,
            QuorumPercent = (byte)terms.QuorumPercent,
            ScoresLag = (byte)terms.ScoresLag,
            ContributionMode = (byte)(plan.Contribution?.Mode == ContributionMode.SumOnly ? 1 : 0),
            RewardPool = plan.Contribution is null ? 0 : terms.RewardPool,
            EpsilonPerRound = PrivacySchedule.PerRoundMicro(plan),
            EpsilonBudget = PrivacySchedule.BudgetMicro(plan),
            SecureAggregation = plan.SecureAggregation is { Enabled: true },
            BufferSize = (byte)Math.Min(plan.Asynchronous?.BufferSize ?? 0, invited.Count),
        };
    }

    public static Proposal For(ConsortiumAddresses at, TrainingPlan plan, IReadOnlyList<string> invited, IReadOnlyList<ulong>? maxSamples = null, ChainTerms? defaults = null) =>
        Proposals.StartPlan(at, Params(plan, invited, maxSamples, defaults),
            $"Start plan {plan.Hash}: {plan.Rounds} rounds of {plan.Server.Rule} on {plan.Model.Kind}, {invited.Count} invited");
}
