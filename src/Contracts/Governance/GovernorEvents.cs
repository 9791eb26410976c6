using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace FedChain.Contracts.Governance;

/// <summary>ConsortiumGovernor events (OpenZeppelin IGovernor).</summary>
public static class GovernorEvents
{
    [Event("ProposalCreated")]
    public sealed class ProposalCreated : IEventDTO
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
        [Parameter("address", "proposer", 2)] public string Proposer { get; set; } = "";
        [Parameter("address[]", "targets", 3)] public List<string> Targets { get; set; } = [];
        [Parameter("uint256[]", "values", 4)] public List<BigInteger> Values { get; set; } = [];
        [Parameter("string[]", "signatures", 5)] public List<string> Signatures { get; set; } = [];
        [Parameter("bytes[]", "calldatas", 6)] public List<byte[]> Calldatas { get; set; } = [];
        [Parameter("uint256", "voteStart", 7)] public BigInteger VoteStart { get; set; }
        [Parameter("uint256", "voteEnd", 8)] public BigInteger VoteEnd { get; set; }
        [Parameter("string", "description", 9)] public string Description { get; set; } = "";
    }

    [Event("VoteCast")]
    public sealed class VoteCast : IEventDTO
    {
        [Parameter("address", "voter", 1, true)] public string Voter { get; set; } = "";
        [Parameter("uint256", "proposalId", 2)] public BigInteger ProposalId { get; set; }
        [Parameter("uint8", "support", 3)] public byte Support { get; set; }
        [Parameter("uint256", "weight", 4)] public BigInteger Weight { get; set; }
        [Parameter("string", "reason", 5)] public string Reason { get; set; } = "";
    }

    [Event("ProposalQueued")]
    public sealed class ProposalQueued : IEventDTO
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
        /// <summary>When it may execute (timestamp): the timelock delay after queuing.</summary>
        [Parameter("uint256", "etaSeconds", 2)] public BigInteger EtaSeconds { get; set; }
    }

    /// <summary>GovernorPreventLateQuorum: quorum came late, the vote stays open until ExtendedDeadline.</summary>
    [Event("ProposalExtended")]
    public sealed class ProposalExtended : IEventDTO
    {
        [Parameter("uint256", "proposalId", 1, true)] public BigInteger ProposalId { get; set; }
        [Parameter("uint64", "extendedDeadline", 2)] public ulong ExtendedDeadline { get; set; }
    }

    [Event("ProposalExecuted")]
    public sealed class ProposalExecuted : IEventDTO
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }

    [Event("ProposalCanceled")]
    public sealed class ProposalCanceled : IEventDTO
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
    }
}
