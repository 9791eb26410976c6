using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace FedChain.Contracts.Governance;

/// <summary>ConsortiumGovernor (OpenZeppelin Governor 5.x) functions, as Nethereum messages.</summary>
public static partial class GovernorFunctions
{
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
    public sealed class Execute : FunctionMessage
    {
        [Parameter("address[]", "targets", 1)] public List<string> Targets { get; set; } = [];
        [Parameter("uint256[]", "values", 2)] public List<BigInteger> Values { get; set; } = [];
        [Parameter("bytes[]", "calldatas", 3)] public List<byte[]> Calldatas { get; set; } = [];
        [Parameter("bytes32", "descriptionHash", 4)] public byte[] DescriptionHash { get; set; } = [];
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
}
