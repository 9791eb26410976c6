using System.Net;
using FedChain.Node.Blobs;
using FedChain.Node.Discovery;
using FedChain.Node.Gossip;
using FedChain.Node.PeerPenalties;

namespace FedChain.Node.Network;

/// <summary>Everything a <see cref="NetworkNode"/> is configured with. <see cref="Validate"/> names the first bad setting.</summary>
public sealed class NetworkOptions
{
    /// <summary>Where to accept connections. Default 0.0.0.0 on an OS-chosen port.</summary>
    public IPEndPoint Listen { get; set; } = new(IPAddress.Any, 0);

    /// <summary>"host:port" this node tells peers to reach it at (peer exchange). Default: none.</summary>
    public string? AdvertisedEndpoint { get; set; }

    /// <summary>"host:port" endpoints dialled at start, besides the members' registered endpoints.</summary>
    public IList<string> Bootstrap { get; } = [];

    /// <summary>Largest frame accepted, header included. Default and least 1 MiB: a blob of up to 1 MiB less 1 KiB is one chunk (ChunkLayout.WholeMaxBytes).</summary>
    public int MaxFrameBytes { get; set; } = 1024 * 1024;

    /// <summary>Frames queued for one peer's writer; a full queue drops gossip and makes blob senders wait. Default 128.</summary>
    public int SendQueueCapacity { get; set; } = 128;

    /// <summary>TLS handshake time limit. Default 10 s.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often unconnected members are dialled again. Default 2 s.</summary>
    public TimeSpan DialInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most connections this node keeps (mesh degree of the overlay); 0 for no limit, one to every member.
    /// A node dials until it has half of them and accepts the rest, so links stay between D/2 and D whatever the
    /// number of members; blobs and gossip travel over several hops. Default 0.</summary>
    public int MaxPeers { get; set; }

    /// <summary>Seed of the node's random choices (mesh peers, chunk sources); mixed with its address.</summary>
    public int Seed { get; set; } = 1;

    public GossipOptions Gossip { get; } = new();

    public BlobOptions Blobs { get; } = new();

    public ScoringOptions Scoring { get; } = new();

    public void Validate()
    {
        // Every node must take the largest chunk any node makes: a blob that fits one frame is one chunk.
        if (MaxFrameBytes < ChunkLayout.WholeMaxBytes + 1024)
        {
            throw new ArgumentException($"Network.MaxFrameBytes ({MaxFrameBytes}) must hold a {ChunkLayout.WholeMaxBytes}-byte chunk plus its header (at least 1 MiB)");
        }

        // A peer serves chunk requests on its read loop and waits for room in its send queue. If two peers
        // could each have more responses due than the other's queue holds, both read loops could wait on
        // each other; keeping the queue above what one honest peer may request rules that out.
        if (SendQueueCapacity <= Blobs.ParallelChunksPerPeer + 16)
        {
            throw new ArgumentException($"Network.SendQueueCapacity ({SendQueueCapacity}) must exceed Blobs.ParallelChunksPerPeer + 16 ({Blobs.ParallelChunksPerPeer + 16})");
        }
        if (MaxPeers is < 0 or 1) throw new ArgumentException($"Network.MaxPeers must be 0 (no limit) or at least 2, got {MaxPeers}");
        if (HandshakeTimeout <= TimeSpan.Zero || DialInterval <= TimeSpan.Zero) throw new ArgumentException("Network.HandshakeTimeout and DialInterval must be positive");
        foreach (var endpoint in Bootstrap) PeerEndpoint.Parse(endpoint, "Network.Bootstrap");
        if (AdvertisedEndpoint is not null) PeerEndpoint.Parse(AdvertisedEndpoint, "Network.AdvertisedEndpoint");
        Gossip.Validate();
        Blobs.Validate();
        Scoring.Validate();
    }
}
