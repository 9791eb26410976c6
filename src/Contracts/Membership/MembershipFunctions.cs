using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace FedChain.Contracts.Membership;

/// <summary>MembershipRegistry functions, as Nethereum messages.</summary>
public static class MembershipFunctions
{
    [Function("bootstrap")]
    public sealed class Bootstrap : FunctionMessage
    {
        [Parameter("address", "governance_", 1)] public string Governance { get; set; } = "";
        [Parameter("address", "listener", 2)] public string Listener { get; set; } = "";
        [Parameter("address[]", "accounts", 3)] public List<string> Accounts { get; set; } = [];
        [Parameter("uint8[]", "roles", 4)] public List<byte> Roles { get; set; } = [];
        [Parameter("string[]", "names", 5)] public List<string> Names { get; set; } = [];
        [Parameter("string[]", "endpoints", 6)] public List<string> Endpoints { get; set; } = [];
    }

    [Function("admit")]
    public sealed class Admit : FunctionMessage
    {
        [Parameter("address", "account", 1)] public string Account { get; set; } = "";
        [Parameter("uint8", "role", 2)] public byte Role { get; set; }
        [Parameter("string", "name", 3)] public string Name { get; set; } = "";
        [Parameter("string", "endpoint", 4)] public string Endpoint { get; set; } = "";
    }

    [Function("remove")]
    public sealed class Remove : FunctionMessage
    {
        [Parameter("address", "account", 1)] public string Account { get; set; } = "";
    }

    [Function("updateEndpoint")]
    public sealed class UpdateEndpoint : FunctionMessage
    {
        [Parameter("string", "endpoint", 1)] public string Endpoint { get; set; } = "";
    }

    [Function("transferFrom")]
    public sealed class TransferFrom : FunctionMessage
    {
        [Parameter("address", "from", 1)] public string From { get; set; } = "";
        [Parameter("address", "to", 2)] public string To { get; set; } = "";
        [Parameter("uint256", "tokenId", 3)] public BigInteger TokenId { get; set; }
    }

    [Function("delegate")]
    public sealed class Delegate : FunctionMessage
    {
        [Parameter("address", "delegatee", 1)] public string Delegatee { get; set; } = "";
    }

    [Function("isMember", "bool")]
    public sealed class IsMember : FunctionMessage
    {
        [Parameter("address", "account", 1)] public string Account { get; set; } = "";
    }

    [Function("getVotes", "uint256")]
    public sealed class GetVotes : FunctionMessage
    {
        [Parameter("address", "account", 1)] public string Account { get; set; } = "";
    }

    [Function("members", typeof(MembersOutput))]
    public sealed class Members : FunctionMessage;

    [FunctionOutput]
    public sealed class MembersOutput : IFunctionOutputDTO
    {
        [Parameter("tuple[]", "list", 1)] public List<MemberView> List { get; set; } = [];
    }

    public sealed class MemberView
    {
        [Parameter("address", "account", 1)] public string Account { get; set; } = "";
        [Parameter("uint8", "role", 2)] public byte Role { get; set; }
        [Parameter("string", "name", 3)] public string Name { get; set; } = "";
        [Parameter("string", "endpoint", 4)] public string Endpoint { get; set; } = "";
    }
}
