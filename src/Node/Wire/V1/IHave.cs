using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>Lazy gossip: ids of messages the sender has seen recently (GossipSub IHAVE), sent to non-mesh peers.</summary>
[MessagePackObject]
public sealed record IHave([property: Key(0)] byte[][] MessageIds) : IWireMessage
{
    [IgnoreMember]
    public MessageCode Code => MessageCode.IHave;

    public void Validate()
    {
        WireLimits.Require(MessageIds is { Length: <= WireLimits.MaxMessageIds }, "IHave.MessageIds missing or too many");
        foreach (var id in MessageIds) WireLimits.RequireHash(id, "IHave message id");
    }
}
