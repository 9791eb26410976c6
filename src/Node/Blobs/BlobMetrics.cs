namespace FedChain.Node.Blobs;

/// <summary>What the blob exchange did. Thread-safe; every value only grows.</summary>
public sealed class BlobMetrics
{
    private long _fetched;
    private long _chunksFetched;
    private long _chunksServed;
    private long _requestTimeouts;
    private long _abandoned;
    private long _announcementsDropped;
    private long _notAdmitted;

    /// <summary>The counts by their event names ("blob.fetched", ...).</summary>
    public IEnumerable<KeyValuePair<string, long>> Named() =>
    [
        new("blob.fetched", Interlocked.Read(ref _fetched)),
        new("blob.chunks_fetched", Interlocked.Read(ref _chunksFetched)),
        new("blob.chunks_served", Interlocked.Read(ref _chunksServed)),
        new("blob.request_timeouts", Interlocked.Read(ref _requestTimeouts)),
        new("blob.abandoned", Interlocked.Read(ref _abandoned)),
        new("blob.announcements_dropped", Interlocked.Read(ref _announcementsDropped)),
        new("blob.not_admitted", Interlocked.Read(ref _notAdmitted)),
    ];

    internal void Fetched() => Interlocked.Increment(ref _fetched);

    internal void ChunkFetched() => Interlocked.Increment(ref _chunksFetched);

    internal void ChunkServed() => Interlocked.Increment(ref _chunksServed);

    internal void RequestTimedOut() => Interlocked.Increment(ref _requestTimeouts);

    internal void Abandoned() => Interlocked.Increment(ref _abandoned);

    internal void AnnouncementDropped() => Interlocked.Increment(ref _announcementsDropped);

    /// <summary>A fetched blob the store would not hold (not referenced by the chain, or past the quota).</summary>
    internal void NotAdmitted() => Interlocked.Increment(ref _notAdmitted);
}
