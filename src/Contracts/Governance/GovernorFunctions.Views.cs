using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace FedChain.Contracts.Governance;

/// <summary>The rest of OpenZeppelin's IGovernor a voter uses from the command line: a vote with its reason, the counting mode.</summary>
public static partial class GovernorFunctions
{
    [Function("castVoteWithReason", "uint256")]
    public sealed class CastVoteWithReason : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)] public BigInteger ProposalId { get; set; }
        [Parameter("uint8", "support", 2)] public byte Support { get; set; }
        [Parameter("string", "reason", 3)] public string Reason { get; set; } = "";
    }

    /// <summary>IGovernor.COUNTING_MODE, e.g. "support=bravo&amp;quorum=for" (which votes count toward the quorum).</summary>
    [Function("COUNTING_MODE", "string")]
    public sealed class CountingMode : FunctionMessage;
}
