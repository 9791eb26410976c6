namespace FedChain.Node.PeerPenalties;

/// <summary>Why the network refused a connection, a frame or a message. Counted and logged by the node.</summary>
public enum RejectionReason
{
    /// <summary>The certificate proves an address the membership view does not list.</summary>
    NonMember,

    /// <summary>The certificate has no key binding, or its signature does not verify.</summary>
    BadCertificateBinding,

    /// <summary>The peer proved another address than the one dialled (or our own).</summary>
    UnexpectedPeer,

    /// <summary>The peer is serving a ban.</summary>
    Banned,

    /// <summary>TLS failed for another reason: no certificate, protocol error, timeout.</summary>
    HandshakeFailed,

    /// <summary>A gossip message whose signature does not verify.</summary>
    InvalidSignature,

    /// <summary>A gossip message signed by a non-member.</summary>
    NonMemberOrigin,

    /// <summary>A gossip message outside the replay window (older than the seen-cache remembers).</summary>
    Replay,

    /// <summary>A gossip message already seen: dropped without penalty, as GossipSub does.</summary>
    Duplicate,

    /// <summary>A chunk that does not match its manifest hash, or a manifest that does not match the blob.</summary>
    BadChunk,

    /// <summary>A frame longer than the cap.</summary>
    OversizeFrame,

    /// <summary>A frame that does not decode, or any message before the hello.</summary>
    MalformedFrame,

    /// <summary>A message over the peer's rate limit.</summary>
    Flood,

    /// <summary>A response to no request.</summary>
    Unsolicited,

    /// <summary>A connection closed because its peer fell to the ban threshold or left the membership.</summary>
    Disconnected,
}
