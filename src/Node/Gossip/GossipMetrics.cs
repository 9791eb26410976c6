namespace FedChain.Node.Gossip;

/// <summary>What the gossip router did. Thread-safe; every value only grows.</summary>
public sealed class GossipMetrics
{
    private long _published;
    private long _delivered;
    private long _forwarded;
    private long _announced;
    private long _droppedQueueFull;
    private long _duplicates;
    private long _droppedSeenFull;
    private long _heartbeats;

    /// <summary>Messages dropped as already seen (no penalty, as GossipSub does).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>The counts by their event names ("gossip.published", ...).</summary>
    public IEnumerable<KeyValuePair<string, long>> Named() =>
    [
        new("gossip.published", Interlocked.Read(ref _published)),
        new("gossip.delivered", Interlocked.Read(ref _delivered)),
        new("gossip.forwarded", Interlocked.Read(ref _forwarded)),
        new("gossip.announced", Interlocked.Read(ref _announced)),
        new("gossip.dropped_queue_full", Interlocked.Read(ref _droppedQueueFull)),
        new("gossip.dropped_seen_full", Interlocked.Read(ref _droppedSeenFull)),
        new("gossip.heartbeats", Interlocked.Read(ref _heartbeats)),
    ];

    internal void Published() => Interlocked.Increment(ref _published);

    internal void Delivered() => Interlocked.Increment(ref _delivered);

    internal void Forwarded(int count) => Interlocked.Add(ref _forwarded, count);

    /// <summary>A heartbeat done: what it announced is sent (tests wait on it).</summary>
    internal void Heartbeat() => Interlocked.Increment(ref _heartbeats);

    /// <summary>A received message passed on to <paramref name="count"/> mesh peers as an IHAVE of its id rather than pushed.</summary>
    internal void Announced(int count) => Interlocked.Add(ref _announced, count);

    internal void DroppedQueueFull() => Interlocked.Increment(ref _droppedQueueFull);

    /// <summary>A new message dropped unrecorded because the seen-cache's bound for its origin, or in all, was reached.</summary>
    internal void DroppedSeenFull() => Interlocked.Increment(ref _droppedSeenFull);

    internal void Duplicate() => Interlocked.Increment(ref _duplicates);
}
