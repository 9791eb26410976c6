using FedChain.Node.PeerPenalties;

namespace FedChain.Node.Transport;

/// <summary>A TLS handshake we, or the remote side, refused, with the reason and the remote endpoint.</summary>
public sealed class HandshakeRejectedException(RejectionReason reason, string remote, string detail, Exception? inner = null)
    : Exception($"handshake with {remote} rejected ({reason}): {detail}", inner)
{
    public RejectionReason Reason { get; } = reason;

    public string Remote { get; } = remote;
}
