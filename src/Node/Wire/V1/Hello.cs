using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>The first message on every connection, both ways. Until it arrives nothing else is accepted.</summary>
/// <param name="Agent">Software name and version, for logs.</param>
/// <param name="ListenEndpoint">"host:port" where the sender accepts connections, or null; shared by peer exchange.</param>
[MessagePackObject]
public sealed record Hello([property: Key(0)] string Agent, [property: Key(1)] string? ListenEndpoint) : IWireMessage
{
    [IgnoreMember]
    public MessageCode Code => MessageCode.Hello;

    public void Validate()
    {
        WireLimits.Require(Agent is { Length: <= WireLimits.MaxAgentLength }, "Hello.Agent missing or too long");
        WireLimits.Require(ListenEndpoint is null or { Length: <= WireLimits.MaxEndpointLength }, "Hello.ListenEndpoint too long");
    }
}
