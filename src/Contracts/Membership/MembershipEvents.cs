using Nethereum.ABI.FunctionEncoding.Attributes;

namespace FedChain.Contracts.Membership;

/// <summary>MembershipRegistry events: a node keeps its member cache from these.</summary>
public static class MembershipEvents
{
    [Event("Bootstrapped")]
    public sealed class Bootstrapped : IEventDTO
    {
        [Parameter("address", "governance", 1)] public string Governance { get; set; } = "";
        [Parameter("address", "removalListener", 2)] public string RemovalListener { get; set; } = "";
    }

    [Event("MemberAdmitted")]
    public sealed class MemberAdmitted : IEventDTO
    {
        [Parameter("address", "account", 1, true)] public string Account { get; set; } = "";
        [Parameter("uint8", "role", 2)] public byte Role { get; set; }
        [Parameter("string", "name", 3)] public string Name { get; set; } = "";
        [Parameter("string", "endpoint", 4)] public string Endpoint { get; set; } = "";
    }

    [Event("MemberRemoved")]
    public sealed class MemberRemoved : IEventDTO
    {
        [Parameter("address", "account", 1, true)] public string Account { get; set; } = "";
        [Parameter("uint8", "role", 2)] public byte Role { get; set; }
    }

    [Event("EndpointChanged")]
    public sealed class EndpointChanged : IEventDTO
    {
        [Parameter("address", "account", 1, true)] public string Account { get; set; } = "";
        [Parameter("string", "endpoint", 2)] public string Endpoint { get; set; } = "";
    }
}
