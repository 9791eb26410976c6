using System.Numerics;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using Nethereum.Contracts;

namespace FedChain.Contracts.Governance;

/// <summary>Builds the proposals the consortium votes on.</summary>
public static partial class Proposals
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

    public static Proposal ReleaseModel(ConsortiumAddresses at, BigInteger planId, byte[] modelHash, byte[] evaluationReportHash, string? description = null) =>
        Single(at.TrainingLedger, new LedgerFunctions.ReleaseModel
        {
            PlanId = planId,
            ModelHash = modelHash,
            EvaluationReportHash = evaluationReportHash,
        }.GetCallData(), description ?? $"Release plan {planId}'s model {Convert.ToHexStringLower(modelHash)}");

    internal static Proposal Single(string target, byte[] calldata, string description) =>
        new([target], [BigInteger.Zero], [calldata], description);
}
