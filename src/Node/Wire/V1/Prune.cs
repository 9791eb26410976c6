using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>Tells the receiver it is no longer in the sender's mesh (GossipSub v1.1 PRUNE).</summary>
[MessagePackObject]
public sealed record Prune : IWireMessage
{
    [IgnoreMember]
    public MessageCode Code => MessageCode.Prune;

    public void Validate()
    {
    }
}
