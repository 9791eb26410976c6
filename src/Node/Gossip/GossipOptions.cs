namespace FedChain.Node.Gossip;

/// <summary>
/// Gossip mesh parameters, named and defaulted as in the GossipSub v1.1 spec
/// (github.com/libp2p/specs, pubsub/gossipsub/gossipsub-v1.1.md, "Parameters").
/// </summary>
public sealed class GossipOptions
{
    /// <summary>Target mesh degree D. Default 6.</summary>
    public int MeshDegree { get; set; } = 6;

    /// <summary>Graft more peers below this (D_lo). Default 4.</summary>
    public int MeshDegreeLow { get; set; } = 4;

    /// <summary>Prune peers above this (D_hi). Default 12.</summary>
    public int MeshDegreeHigh { get; set; } = 12;

    /// <summary>Non-mesh peers sent IHAVE each heartbeat (D_lazy). Default 6.</summary>
    public int LazyDegree { get; set; } = 6;

    /// <summary>Heartbeat: mesh upkeep and lazy gossip. Default 1 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Heartbeats a message stays in the message cache (mcache_len). Default 5.</summary>
    public int HistoryLength { get; set; } = 5;

    /// <summary>Heartbeats of history announced in IHAVE (mcache_gossip). Default 1 (the spec's is 3): own messages
    /// are pushed to every link and large ones are announced to the mesh as they arrive, so this is the backup of a
    /// backup, and each further heartbeat brought every node each id about D_lazy times more (measured: heartbeat
    /// IHAVEs were most of the control bytes of a sharded aggregation at N = 25 once forwarding was lazy).</summary>
    public int HistoryGossip { get; set; } = 1;

    /// <summary>Hop limit of a new message. Default 6, enough for a D=6 mesh of hundreds of nodes.</summary>
    public byte InitialTtl { get; set; } = 6;

    /// <summary>Messages older than this (by their signed timestamp) are replays. Default 2 minutes.</summary>
    public TimeSpan MaxMessageAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Messages dated further ahead than this are rejected too. Default 30 s.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest payload a node publishes or accepts. Default 64 KiB: bigger data goes as a blob.</summary>
    public int MaxPayloadBytes { get; set; } = 64 * 1024;

    /// <summary>A received message whose payload is larger than this is passed on to the mesh as an IHAVE of its id,
    /// not pushed: the peer asks for it (IWANT) only if it has not had it yet. Own messages are still pushed to every
    /// link, so on a full mesh each node gets each large message once, from its origin, where eager forwarding brought
    /// it once per mesh peer (D + 1 copies); GossipSub v1.2's IDONTWANT aims at the same duplicates but races the
    /// copies it would stop. Default 64 bytes: a Publish frame carries about 120 bytes beside its payload (topic,
    /// seqno, timestamp, 65-byte signature), so even small messages cost more pushed than announced (32-byte id).</summary>
    public int EagerForwardMaxBytes { get; set; } = 64;

    /// <summary>Seen-cache capacity over all origins; an id is kept for its whole replay window, so past this new messages are dropped. Default 100,000.</summary>
    public int SeenCapacity { get; set; } = 100_000;

    /// <summary>Ids one origin may hold in the seen-cache at once; past this its new messages are dropped
    /// until its old ids leave the window. Default 10,000 (66 messages a second over the 150 s window).</summary>
    public int SeenCapacityPerOrigin { get; set; } = 10_000;

    /// <summary>How long an id stays in the seen-cache: the whole replay window, so any replay inside it is a duplicate.</summary>
    public TimeSpan SeenTtl => MaxMessageAge + MaxClockSkew;

    public void Validate()
    {
        if (MeshDegreeLow < 1 || MeshDegree < MeshDegreeLow || MeshDegreeHigh < MeshDegree)
        {
            throw new ArgumentException($"Gossip mesh degrees need 1 <= D_lo <= D <= D_hi, got {MeshDegreeLow}, {MeshDegree}, {MeshDegreeHigh}");
        }

        if (LazyDegree < 0) throw new ArgumentException($"Gossip.LazyDegree must not be negative, got {LazyDegree}");
        if (HeartbeatInterval <= TimeSpan.Zero) throw new ArgumentException($"Gossip.HeartbeatInterval must be positive, got {HeartbeatInterval}");
        if (HistoryGossip < 1 || HistoryLength < HistoryGossip) throw new ArgumentException($"Gossip needs 1 <= HistoryGossip <= HistoryLength, got {HistoryGossip}, {HistoryLength}");
        if (InitialTtl < 1) throw new ArgumentException("Gossip.InitialTtl must be at least 1");
        if (MaxMessageAge <= TimeSpan.Zero || MaxClockSkew < TimeSpan.Zero) throw new ArgumentException("Gossip.MaxMessageAge must be positive and MaxClockSkew not negative");
        if (MaxPayloadBytes < 1) throw new ArgumentException($"Gossip.MaxPayloadBytes must be positive, got {MaxPayloadBytes}");
        if (EagerForwardMaxBytes < 0) throw new ArgumentException($"Gossip.EagerForwardMaxBytes must not be negative, got {EagerForwardMaxBytes}");
        if (SeenCapacity < 1) throw new ArgumentException($"Gossip.SeenCapacity must be positive, got {SeenCapacity}");
        if (SeenCapacityPerOrigin < 1 || SeenCapacityPerOrigin > SeenCapacity)
            throw new ArgumentException($"Gossip.SeenCapacityPerOrigin must be 1..SeenCapacity ({SeenCapacity}), got {SeenCapacityPerOrigin}");
    }
}
