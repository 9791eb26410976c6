using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace FedChain.Contracts.Governance;

/// <summary>ConsortiumGovernor (OpenZeppelin Governor 5.x with GovernorTimelockControl, GovernorPreventLateQuorum
/// and GovernorCountingLive) functions, as Nethereum messages.</summary>
public static partial class GovernorFunctions
{
    /// <summary>The calls that name a proposal by its contents: queue, execute, cancel.</summary>
    public interface IProposalCall
    {
        List<string> Targets { get; set; }
        List<BigInteger> Values { get; set; }
        List<byte[]> Calldatas { get; set; }
        byte[] DescriptionHash { get; set; }
    }

    [Function("propose", "uint256")]
    public sealed class Propose : FunctionMessage
    {
        [Parameter("address[]", "targets", 1)] public List<string> Targets { get; set; } = [];
        [Parameter("uint256[]", "values", 2)] public List<BigInteger> Values { get; set; } = [];
        [Parameter("bytes[]", "calldatas", 3)] public List<byte[]> Calldatas { get; set; } = [];
        [Parameter("string", "description", 4)] public string Description { get; set; } = "";
    }

    [Function("castVote", "uint256")]
    public sealed class CastVote : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
        [Parameter("uint8", "support", 2)] public byte Support { get; set; }
    }

    [Function("execute", "uint256")]
    public sealed class Execute : FunctionMessage, IProposalCall
    {
        [Parameter("address[]", "targets", 1)] public List<string> Targets { get; set; } = [];
        [Parameter("uint256[]", "values", 2)] public List<BigInteger> Values { get; set; } = [];
        [Parameter("bytes[]", "calldatas", 3)] public List<byte[]> Calldatas { get; set; } = [];
        [Parameter("bytes32", "descriptionHash", 4)] public byte[] DescriptionHash { get; set; } = [];
    }

    /// <summary>Puts a succeeded proposal in the timelock; it executes after the timelock delay.</summary>
    [Function("queue", "uint256")]
    public sealed class Queue : FunctionMessage, IProposalCall
    {
        [Parameter("address[]", "targets", 1)] public List<string> Targets { get; set; } = [];
        [Parameter("uint256[]", "values", 2)] public List<BigInteger> Values { get; set; } = [];
        [Parameter("bytes[]", "calldatas", 3)] public List<byte[]> Calldatas { get; set; } = [];
        [Parameter("bytes32", "descriptionHash", 4)] public byte[] DescriptionHash { get; set; } = [];
    }

    /// <summary>The proposer withdraws a proposal while it is still pending.</summary>
    [Function("cancel", "uint256")]
    public sealed class Cancel : FunctionMessage, IProposalCall
    {
        [Parameter("address[]", "targets", 1)] public List<string> Targets { get; set; } = [];
        [Parameter("uint256[]", "values", 2)] public List<BigInteger> Values { get; set; } = [];
        [Parameter("bytes[]", "calldatas", 3)] public List<byte[]> Calldatas { get; set; } = [];
        [Parameter("bytes32", "descriptionHash", 4)] public byte[] DescriptionHash { get; set; } = [];
    }

    [Function("setVotingDelay")]
    public sealed class SetVotingDelay : FunctionMessage
    {
        [Parameter("uint48", "newVotingDelay", 1)] public ulong VotingDelay { get; set; }
    }

    [Function("setVotingPeriod")]
    public sealed class SetVotingPeriod : FunctionMessage
    {
        [Parameter("uint32", "newVotingPeriod", 1)] public uint VotingPeriod { get; set; }
    }

    [Function("updateQuorumNumerator")]
    public sealed class UpdateQuorumNumerator : FunctionMessage
    {
        [Parameter("uint256", "newQuorumNumerator", 1)] public BigInteger QuorumPercent { get; set; }
    }

    [Function("setLateQuorumVoteExtension")]
    public sealed class SetLateQuorumVoteExtension : FunctionMessage
    {
        [Parameter("uint48", "newVoteExtension", 1)] public ulong VoteExtension { get; set; }
    }

    [Function("state", "uint8")]
    public sealed class State : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }

    [Function("proposalDeadline", "uint256")]
    public sealed class ProposalDeadline : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }

    [Function("proposalSnapshot", "uint256")]
    public sealed class ProposalSnapshot : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }

    [Function("quorum", "uint256")]
    public sealed class Quorum : FunctionMessage
    {
        [Parameter("uint256", "timepoint", 1)] public BigInteger Timepoint { get; set; }
    }

    /// <summary>When a queued proposal may execute (timestamp); 0 before it is queued.</summary>
    [Function("proposalEta", "uint256")]
    public sealed class ProposalEta : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }

    /// <summary>When a passed proposal can no longer be queued (not yet queued) or executed (queued).</summary>
    [Function("proposalExpiry", "uint256")]
    public sealed class ProposalExpiry : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }

    [Function("proposalNeedsQueuing", "bool")]
    public sealed class ProposalNeedsQueuing : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }

    [Function("proposalProposer", "address")]
    public sealed class ProposalProposer : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }

    /// <summary>The votes as they count now: voters still members only (GovernorCountingLive).</summary>
    [Function("proposalVotes", typeof(ProposalVotesOutput))]
    public sealed class ProposalVotes : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }

    [Function("proposalVoters", "address[]")]
    public sealed class ProposalVoters : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }

    [Function("hasVoted", "bool")]
    public sealed class HasVoted : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
        [Parameter("address", "account", 2)] public string Account { get; set; } = "";
    }

    [Function("votingDelay", "uint256")]
    public sealed class VotingDelay : FunctionMessage;

    [Function("votingPeriod", "uint256")]
    public sealed class VotingPeriod : FunctionMessage;

    [Function("quorumNumerator", "uint256")]
    public sealed class QuorumNumerator : FunctionMessage;

    [Function("lateQuorumVoteExtension", "uint48")]
    public sealed class LateQuorumVoteExtension : FunctionMessage;

    [Function("gracePeriod", "uint256")]
    public sealed class GracePeriod : FunctionMessage;

    [Function("timelock", "address")]
    public sealed class Timelock : FunctionMessage;

    [FunctionOutput]
    public sealed class ProposalVotesOutput : IFunctionOutputDTO
    {
        [Parameter("uint256", "againstVotes", 1)] public BigInteger Against { get; set; }
        [Parameter("uint256", "forVotes", 2)] public BigInteger For { get; set; }
        [Parameter("uint256", "abstainVotes", 3)] public BigInteger Abstain { get; set; }
    }
}
