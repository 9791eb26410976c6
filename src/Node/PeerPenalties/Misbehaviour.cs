namespace FedChain.Node.PeerPenalties;

/// <summary>What a peer did wrong. Each kind costs points (see <see cref="ScoringOptions.PenaltyFor"/>).</summary>
public enum Misbehaviour
{
    /// <summary>A gossip message whose signature does not verify (GossipSub v1.1 P4, invalid messages).</summary>
    InvalidSignature,

    /// <summary>A gossip message whose recovered origin is not a current member.</summary>
    NonMemberOrigin,

    /// <summary>A gossip message older than the replay window, or dated in the future.</summary>
    Replay,

    /// <summary>A blob chunk or manifest that does not hash to what it claims.</summary>
    BadChunk,

    /// <summary>A frame whose length prefix exceeds the cap.</summary>
    OversizeFrame,

    /// <summary>A frame that does not decode, or a message sent before the hello.</summary>
    MalformedFrame,

    /// <summary>More messages than the peer's rate allows.</summary>
    Flood,

    /// <summary>A response nobody asked for.</summary>
    Unsolicited,
}
