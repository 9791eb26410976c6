using FedChain.Node.Identity;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Wire;

/// <summary>What gossip and blob exchange need from the node's connections.</summary>
internal interface IPeerNetwork
{
    /// <summary>Peers whose hello has arrived, in no particular order.</summary>
    IReadOnlyList<NodeAddress> ReadyPeers();

    /// <summary>Whether <paramref name="peer"/>'s hello has arrived: one lookup, where <see cref="ReadyPeers"/> lists them all.</summary>
    bool IsReady(NodeAddress peer);

    /// <summary>Queues <paramref name="message"/> for <paramref name="peer"/>; false when not connected or its queue is full (the message is dropped).</summary>
    bool TrySend(NodeAddress peer, IWireMessage message);

    /// <summary>Queues <paramref name="message"/>, waiting for room: backpressure from a slow peer. False when not connected.</summary>
    ValueTask<bool> SendAsync(NodeAddress peer, IWireMessage message, CancellationToken ct);

    /// <summary>Counts and logs a rejection and costs <paramref name="peer"/> points (a ban disconnects it).</summary>
    void Reject(NodeAddress peer, RejectionReason reason, Misbehaviour? misbehaviour, string detail);
}
