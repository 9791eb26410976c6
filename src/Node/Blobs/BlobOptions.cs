namespace FedChain.Node.Blobs;

/// <summary>Blob transfer parameters.</summary>
public sealed class BlobOptions
{
    /// <summary>Fetch every blob a peer announces (up to <see cref="MaxBlobBytes"/>), so each member ends
    /// with every update and auditors can export them all. Default true. When false, blobs are fetched
    /// only through an explicit fetch (NetworkNode.FetchBlobAsync).</summary>
    public bool ReplicateAnnounced { get; set; } = true;

    /// <summary>Tell every peer about each blob stored (BlobHave). Default true. Off where fetchers are told who
    /// holds what (sharded aggregation names the holders), so announcements do not grow with N² per round.</summary>
    public bool AnnounceStored { get; set; } = true;

    /// <summary>Peers a node that downloaded a blob tells it holds it (BlobHave), at most: chosen at random among those not known
    /// to hold it. Default 6. The blob's publisher tells every peer, so on a full mesh this is a backup for a peer whose link to
    /// the publisher is down; with a peer limit (<c>Network.MaxPeers</c>) a node tells every peer, as blobs spread hop by hop.
    /// Every holder telling every peer cost each node an announcement per blob and holder: N² a round.</summary>
    public int RelayAnnounceDegree { get; set; } = 6;

    /// <summary>Largest blob accepted. Default 256 MiB.</summary>
    public long MaxBlobBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Chunk requests in flight per download. Default 16.</summary>
    public int ParallelChunks { get; set; } = 16;

    /// <summary>Requests in flight to one peer, over all downloads. Default 8.</summary>
    public int ParallelChunksPerPeer { get; set; } = 8;

    /// <summary>A request unanswered for this long goes to another peer. Default 15 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Wait before asking again when no peer can serve. Default 250 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Downloads running at once; more wait their turn. Default 16: most downloads are small (a sharded
    /// aggregation's shards and sums), so each is a few round trips, and too few at once leave the links idle.</summary>
    public int ParallelDownloads { get; set; } = 16;

    /// <summary>Blobs up to this size are downloaded in memory and written once, complete (no resume after a
    /// restart); larger ones into a resumable partial file. Default 1 MiB.</summary>
    public long BufferedDownloadBytes { get; set; } = 1024 * 1024;

    public void Validate()
    {
        if (MaxBlobBytes < 0) throw new ArgumentException($"Blobs.MaxBlobBytes must not be negative, got {MaxBlobBytes}");
        if (ParallelChunks < 1 || ParallelChunksPerPeer < 1) throw new ArgumentException("Blobs.ParallelChunks and ParallelChunksPerPeer must be at least 1");
        if (RelayAnnounceDegree < 0) throw new ArgumentException($"Blobs.RelayAnnounceDegree must not be negative, got {RelayAnnounceDegree}");
        if (ParallelDownloads < 1) throw new ArgumentException($"Blobs.ParallelDownloads must be at least 1, got {ParallelDownloads}");
        if (BufferedDownloadBytes < 0) throw new ArgumentException($"Blobs.BufferedDownloadBytes must not be negative, got {BufferedDownloadBytes}");
        if (RequestTimeout <= TimeSpan.Zero || RetryDelay <= TimeSpan.Zero) throw new ArgumentException("Blobs.RequestTimeout and RetryDelay must be positive");
    }
}
