using FedChain.Node.PeerPenalties;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Network;

/// <summary>Receives what a <see cref="PeerConnection"/> reads: decoded messages and protocol violations.</summary>
internal interface IPeerMessageSink
{
    /// <summary>Handles one message. Awaiting here holds the connection's read loop: backpressure on that peer.</summary>
    ValueTask OnMessageAsync(PeerConnection from, IWireMessage message, CancellationToken ct);

    void OnViolation(PeerConnection from, RejectionReason reason, Misbehaviour misbehaviour, string detail);
}
