using System.Numerics;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using Nethereum.Contracts;

namespace FedChain.Contracts.Governance;

/// <summary>Builds the proposals the consortium votes on.</summary>
public static class Proposals
{
    public static Proposal Admit(ConsortiumAddresses at, MemberInfo member, string? description = null) =>
        Single(at.MembershipRegistry, new MembershipFunctions.Admit
        {
            Account = member.Address,
            Role = (byte)member.Role,
            Name = member.Name,
            Endpoint = member.Endpoint,
        }.GetCallData(), description ?? $"Admit {member.Name} ({member.Address}) as {member.Role.ToString().ToLowerInvariant()}");

    public static Proposal Remove(ConsortiumAddresses at, string account, string? description = null) =>
        Single(at.MembershipRegistry, new MembershipFunctions.Remove { Account = account }.GetCallData(),
            description ?? $"Remove {account}");

    public static Proposal StartPlan(ConsortiumAddresses at, PlanParams plan, string? description = null) =>
        Single(at.TrainingLedger, new LedgerFunctions.StartPlan { Params = plan }.GetCallData(),
            description ?? $"Start plan {Convert.ToHexStringLower(plan.PlanHash)}: {plan.Rounds} rounds, {plan.Invited.Count} invited");

    /// <summary>Cancels an enrolling or running plan (one that stalled, or should not go on).</summary>
    public static Proposal CancelPlan(ConsortiumAddresses at, BigInteger planId, string? description = null) =>
        Single(at.TrainingLedger, new LedgerFunctions.CancelPlan { PlanId = planId }.GetCallData(), description ?? $"Cancel plan {planId}");

    public static Proposal ReleaseModel(ConsortiumAddresses at, BigInteger planId, byte[] modelHash, byte[] evaluationReportHash, string? description = null) =>
        Single(at.TrainingLedger, new LedgerFunctions.ReleaseModel
        {
            PlanId = planId,
            ModelHash = modelHash,
            EvaluationReportHash = evaluationReportHash,
        }.GetCallData(), description ?? $"Release plan {planId}'s model {Convert.ToHexStringLower(modelHash)}");

    /// <summary>One proposal changing every setting <paramref name="change"/> names, in one vote.</summary>
    public static Proposal Settings(ConsortiumAddresses at, SettingsChange change, string? description = null)
    {
        var calls = new List<(string Target, byte[] Calldata, string What)>();
        if (change.VotingDelaySeconds is { } delay)
            calls.Add((at.Governor, new GovernorFunctions.SetVotingDelay { VotingDelay = delay }.GetCallData(), $"voting delay {delay} s"));
        if (change.VotingPeriodSeconds is { } period)
            calls.Add((at.Governor, new GovernorFunctions.SetVotingPeriod { VotingPeriod = period }.GetCallData(), $"voting period {period} s"));
        if (change.QuorumPercent is { } quorum)
            calls.Add((at.Governor, new GovernorFunctions.UpdateQuorumNumerator { QuorumPercent = quorum }.GetCallData(), $"quorum {quorum} %"));
        if (change.LateQuorumExtensionSeconds is { } extension)
            calls.Add((at.Governor, new GovernorFunctions.SetLateQuorumVoteExtension { VoteExtension = extension }.GetCallData(), $"late-quorum extension {extension} s"));
        if (change.TimelockDelaySeconds is { } timelockDelay)
            calls.Add((at.Timelock, new TimelockFunctions.UpdateDelay { Delay = timelockDelay }.GetCallData(), $"timelock delay {timelockDelay} s"));
        if (change.DefaultLifetimeBudgetMicro is { } budget)
            calls.Add((at.TrainingLedger, new LedgerFunctions.SetDefaultLifetimeBudget { Budget = budget }.GetCallData(), $"default lifetime epsilon {FixedPoint.FromMicro((long)budget)}"));
        foreach (var (dataset, datasetBudget) in change.LifetimeBudgets)
            calls.Add((at.TrainingLedger, new LedgerFunctions.SetLifetimeBudget { Dataset = dataset, Budget = datasetBudget }.GetCallData(), $"lifetime epsilon {FixedPoint.FromMicro((long)datasetBudget)} on dataset {Convert.ToHexStringLower(dataset)[..12]}"));
        if (change.MaxRewardPool is { } pool)
            calls.Add((at.TrainingLedger, new LedgerFunctions.SetMaxRewardPool { MaxRewardPool = pool }.GetCallData(), $"reward pool cap {pool}"));
        if (calls.Count == 0) throw new ArgumentException("the settings change names no setting", nameof(change));
        return new Proposal([.. calls.Select(c => c.Target)], [.. calls.Select(_ => BigInteger.Zero)], [.. calls.Select(c => c.Calldata)],
            description ?? $"Settings: {string.Join(", ", calls.Select(c => c.What))}");
    }

    private static Proposal Single(string target, byte[] calldata, string description) =>
        new([target], [BigInteger.Zero], [calldata], description);
}
