using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace FedChain.Contracts.Deployment;

/// <summary>Constructor messages for the consortium's contracts, with the embedded bytecode.</summary>
internal static class ContractDeployments
{
    public sealed class Registry() : ContractDeploymentMessage(ContractArtifact.Load(ContractNames.MembershipRegistry).Bytecode);

    public sealed class Token() : ContractDeploymentMessage(ContractArtifact.Load(ContractNames.RewardToken).Bytecode);

    public sealed class Timelock() : ContractDeploymentMessage(ContractArtifact.Load(ContractNames.ConsortiumTimelock).Bytecode)
    {
        [Parameter("uint256", "minDelay", 1)] public BigInteger MinDelay { get; set; }
        [Parameter("uint256", "delayFloor_", 2)] public BigInteger DelayFloor { get; set; }
        [Parameter("uint256", "gracePeriod_", 3)] public BigInteger GracePeriod { get; set; }
        [Parameter("address[]", "proposers", 4)] public List<string> Proposers { get; set; } = [];
        [Parameter("address[]", "executors", 5)] public List<string> Executors { get; set; } = [];
        [Parameter("address[]", "cancellers", 6)] public List<string> Cancellers { get; set; } = [];
        [Parameter("address", "admin", 7)] public string Admin { get; set; } = "";
    }

    public sealed class Governor() : ContractDeploymentMessage(ContractArtifact.Load(ContractNames.ConsortiumGovernor).Bytecode)
    {
        [Parameter("address", "membership", 1)] public string Membership { get; set; } = "";
        [Parameter("address", "timelock_", 2)] public string Timelock { get; set; } = "";
        [Parameter("tuple", "terms", 3)] public GovernorTerms Terms { get; set; } = new();
        [Parameter("tuple", "floors", 4)] public GovernorTerms Floors { get; set; } = new();
    }

    /// <summary>ConsortiumGovernor's GovernorTerms tuple.</summary>
    public sealed class GovernorTerms
    {
        [Parameter("uint48", "votingDelay", 1)] public ulong VotingDelay { get; set; }
        [Parameter("uint32", "votingPeriod", 2)] public uint VotingPeriod { get; set; }
        [Parameter("uint256", "quorumPercent", 3)] public BigInteger QuorumPercent { get; set; }
        [Parameter("uint48", "voteExtension", 4)] public ulong VoteExtension { get; set; }
    }

    public sealed class Administration() : ContractDeploymentMessage(ContractArtifact.Load(ContractNames.LedgerAdministration).Bytecode)
    {
        [Parameter("address", "membership_", 1)] public string Membership { get; set; } = "";
        [Parameter("address", "governance_", 2)] public string Governance { get; set; } = "";
        [Parameter("address", "rewardToken_", 3)] public string RewardToken { get; set; } = "";
    }

    public sealed class Ledger() : ContractDeploymentMessage(ContractArtifact.Load(ContractNames.TrainingLedger).Bytecode)
    {
        [Parameter("address", "membership_", 1)] public string Membership { get; set; } = "";
        [Parameter("address", "governance_", 2)] public string Governance { get; set; } = "";
        [Parameter("address", "rewardToken_", 3)] public string RewardToken { get; set; } = "";
        [Parameter("address", "administration_", 4)] public string Administration { get; set; } = "";
        [Parameter("uint64", "defaultLifetimeBudget_", 5)] public ulong DefaultLifetimeBudget { get; set; }
        [Parameter("uint128", "maxRewardPool_", 6)] public BigInteger MaxRewardPool { get; set; }
    }
}
