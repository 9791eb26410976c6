using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>Asks for full messages announced by <see cref="IHave"/> (GossipSub IWANT).</summary>
[MessagePackObject]
public sealed record IWant([property: Key(0)] byte[][] MessageIds) : IWireMessage
{
    [IgnoreMember]
    public MessageCode Code => MessageCode.IWant;

    public void Validate()
    {
        WireLimits.Require(MessageIds is { Length: <= WireLimits.MaxMessageIds }, "IWant.MessageIds missing or too many");
        foreach (var id in MessageIds) WireLimits.RequireHash(id, "IWant message id");
    }
}
