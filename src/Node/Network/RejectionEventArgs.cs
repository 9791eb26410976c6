using FedChain.Node.Identity;
using FedChain.Node.PeerPenalties;

namespace FedChain.Node.Network;

/// <summary>A rejection as the node reports it: what, from whom (when known) and why.</summary>
/// <param name="peer">The peer's address, or null when the handshake never proved one.</param>
/// <param name="remote">The peer's address, or its socket endpoint when the handshake failed.</param>
public sealed class RejectionEventArgs(RejectionReason reason, NodeAddress? peer, string remote, string detail) : EventArgs
{
    public RejectionReason Reason { get; } = reason;

    public NodeAddress? Peer { get; } = peer;

    public string Remote { get; } = remote;

    public string Detail { get; } = detail;
}
