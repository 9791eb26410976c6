using FedChain.Contracts.Deployment;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Analysis.Plans;

namespace FedChain.Node.Analyses;

/// <summary>
/// The one place an analysis plan becomes the chain's <see cref="PlanParams"/>: the start-plan path of
/// training plans with <see cref="PlanKind.Analysis"/>. The schedule is a maximum: round 0 exchanges
/// secure-aggregation keys when the plan asks for it, then one round per engine step, as many as the
/// longest analysis may take; a quorum of equal result hashes closes the plan when the analyses
/// finish earlier. Each commit carries one sample (a site's row count stays off-chain); the ledger
/// charges the plan's DP epsilon once, on each member's first data round; there is no reward pool.
/// </summary>
public static class AnalysisProposal
{
    /// <summary>Leading chain rounds that only exchange setup data: the secure-aggregation keys and shares.</summary>
    public static byte SetupRounds(AnalysisPlan plan) => plan.SecureAggregation ? (byte)1 : (byte)0;

    /// <summary>The chain's schedule for <paramref name="sites"/> (the invitees' names): setup plus the most rounds the engine may take.</summary>
    public static uint ChainRounds(AnalysisPlan plan, IReadOnlyList<string> sites) => SetupRounds(plan) + (uint)plan.MaxRounds(sites);

    /// <summary>What the ledger charges each member once: the sum of the plan's DP epsilons, micro units rounded up (0 without DP).</summary>
    public static uint EpsilonMicro(AnalysisPlan plan) =>
        (uint)Math.Ceiling(plan.DpReleases().Sum(r => r.Release.Epsilon) * (double)FixedPoint.Scale - 1e-6);

    /// <param name="invited">Each invitee's address and registry name (its site in the analysis).</param>
    public static PlanParams Params(AnalysisPlan plan, IReadOnlyList<(string Address, string Site)> invited, uint commitWindowSeconds, uint enrolmentWindowSeconds)
    {
        var epsilon = EpsilonMicro(plan);
        return new PlanParams
        {
            Kind = (byte)PlanKind.Analysis,
            PlanHash = Convert.FromHexString(plan.Hash),
            SchemaHash = Convert.FromHexString(plan.Schema!.Hash),
            Invited = [.. invited.Select(i => i.Address)],
            MaxSamples = [.. invited.Select(_ => 1UL)],
            Rounds = ChainRounds(plan, [.. invited.Select(i => i.Site)]),
            SetupRounds = SetupRounds(plan),
            CommitWindow = commitWindowSeconds,
            EnrolmentWindow = enrolmentWindowSeconds,
            AvailabilityWindow = Math.Clamp(commitWindowSeconds / 4, 1, Math.Max(1, commitWindowSeconds - 1)),
            SettlementWindow = commitWindowSeconds,
            MinParticipants = 2,
            QuorumPercent = 51,
            ScoresLag = 2,
            EpsilonPerRound = epsilon,
            EpsilonBudget = epsilon,
            SecureAggregation = plan.SecureAggregation,
            RewardPool = 0,
        };
    }

    public static Proposal For(ConsortiumAddresses at, AnalysisPlan plan, IReadOnlyList<(string Address, string Site)> invited, uint commitWindowSeconds, uint enrolmentWindowSeconds) =>
        Proposals.StartPlan(at, Params(plan, invited, commitWindowSeconds, enrolmentWindowSeconds),
            $"Start analysis plan {plan.Hash}: {plan.Analyses.Count} analyses, at most {ChainRounds(plan, [.. invited.Select(i => i.Site)])} rounds, {invited.Count} invited");
}
