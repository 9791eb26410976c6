using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace FedChain.Contracts.Deployment;

/// <summary>Constructor messages for the consortium's contracts, with the embedded bytecode.</summary>
internal static class ContractDeployments
{
    public sealed class Registry() : ContractDeploymentMessage(ContractArtifact.Load(ContractNames.MembershipRegistry).Bytecode);

    public sealed class Token() : ContractDeploymentMessage(ContractArtifact.Load(ContractNames.RewardToken).Bytecode);

    public sealed class Governor() : ContractDeploymentMessage(ContractArtifact.Load(ContractNames.ConsortiumGovernor).Bytecode)
    {
        [Parameter("address", "membership", 1)] public string Membership { get; set; } = "";
        [Parameter("uint48", "votingDelay_", 2)] public ulong VotingDelay { get; set; }
        [Parameter("uint32", "votingPeriod_", 3)] public uint VotingPeriod { get; set; }
        [Parameter("uint256", "quorumPercent", 4)] public BigInteger QuorumPercent { get; set; }
    }

    public sealed class Ledger() : ContractDeploymentMessage(ContractArtifact.Load(ContractNames.TrainingLedger).Bytecode)
    {
        [Parameter("address", "membership_", 1)] public string Membership { get; set; } = "";
        [Parameter("address", "governance_", 2)] public string Governance { get; set; } = "";
        [Parameter("address", "rewardToken_", 3)] public string RewardToken { get; set; } = "";
    }
}
