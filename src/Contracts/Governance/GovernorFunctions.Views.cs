using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace FedChain.Contracts.Governance;

/// <summary>The rest of OpenZeppelin's IGovernor that a voter needs: reasons, the queue step, tallies and settings.</summary>
public static partial class GovernorFunctions
{
    [Function("castVoteWithReason", "uint256")]
    public sealed class CastVoteWithReason : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
        [Parameter("uint8", "support", 2)] public byte Support { get; set; }
        [Parameter("string", "reason", 3)] public string Reason { get; set; } = "";
    }

    /// <summary>IGovernor.queue: a timelocked governor schedules the calls; the base Governor reverts GovernorQueueNotImplemented.</summary>
    [Function("queue", "uint256")]
    public sealed class Queue : FunctionMessage
    {
        [Parameter("address[]", "targets", 1)] public List<string> Targets { get; set; } = [];
        [Parameter("uint256[]", "values", 2)] public List<BigInteger> Values { get; set; } = [];
        [Parameter("bytes[]", "calldatas", 3)] public List<byte[]> Calldatas { get; set; } = [];
        [Parameter("bytes32", "descriptionHash", 4)] public byte[] DescriptionHash { get; set; } = [];
    }

    [Function("proposalNeedsQueuing", "bool")]
    public sealed class ProposalNeedsQueuing : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }

    [Function("proposalEta", "uint256")]
    public sealed class ProposalEta : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }

    [Function("proposalVotes", typeof(ProposalVotesOutput))]
    public sealed class ProposalVotes : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }

    [FunctionOutput]
    public sealed class ProposalVotesOutput : IFunctionOutputDTO
    {
        [Parameter("uint256", "againstVotes", 1)] public BigInteger Against { get; set; }
        [Parameter("uint256", "forVotes", 2)] public BigInteger For { get; set; }
        [Parameter("uint256", "abstainVotes", 3)] public BigInteger Abstain { get; set; }
    }

    [Function("hasVoted", "bool")]
    public sealed class HasVoted : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
        [Parameter("address", "account", 2)] public string Account { get; set; } = "";
    }

    /// <summary>IGovernor.COUNTING_MODE, e.g. "support=bravo&amp;quorum=for,abstain" (GovernorCountingSimple).</summary>
    [Function("COUNTING_MODE", "string")]
    public sealed class CountingMode : FunctionMessage;

    [Function("votingDelay", "uint256")]
    public sealed class VotingDelay : FunctionMessage;

    [Function("votingPeriod", "uint256")]
    public sealed class VotingPeriod : FunctionMessage;

    [Function("quorumNumerator", "uint256")]
    public sealed class QuorumNumerator : FunctionMessage;

    /// <summary>GovernorSettings: governance only (the governor calls itself).</summary>
    [Function("setVotingDelay")]
    public sealed class SetVotingDelay : FunctionMessage
    {
        [Parameter("uint48", "newVotingDelay", 1)] public ulong NewVotingDelay { get; set; }
    }

    [Function("setVotingPeriod")]
    public sealed class SetVotingPeriod : FunctionMessage
    {
        [Parameter("uint32", "newVotingPeriod", 1)] public uint NewVotingPeriod { get; set; }
    }

    /// <summary>GovernorVotesQuorumFraction: governance only.</summary>
    [Function("updateQuorumNumerator")]
    public sealed class UpdateQuorumNumerator : FunctionMessage
    {
        [Parameter("uint256", "newQuorumNumerator", 1)] public BigInteger NewQuorumNumerator { get; set; }
    }
}
