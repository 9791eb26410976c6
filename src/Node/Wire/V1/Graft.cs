using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>Asks the receiver to add the sender to its mesh (GossipSub v1.1 GRAFT). Answered by <see cref="Prune"/> when the mesh is full.</summary>
[MessagePackObject]
public sealed record Graft : IWireMessage
{
    [IgnoreMember]
    public MessageCode Code => MessageCode.Graft;

    public void Validate()
    {
    }
}
