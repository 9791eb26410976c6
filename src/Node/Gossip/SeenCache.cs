namespace FedChain.Node.Gossip;

/// <summary>
/// Message ids seen recently (GossipSub's seen-cache). An id stays for the whole replay window
/// (<c>ttl</c>, under the injected clock) and is never evicted early: evicting the oldest id to make
/// room, as a plain bounded cache does, lets a flood of fresh ids flush an honest message that is
/// then replayed inside its window (100,000 ids go in 50 s at a peer's 2,000 frames/s, the window is
/// 150 s). Memory is still bounded: each origin (the signing member, or for a refused message the
/// peer that sent it) may hold at most <c>perOrigin</c> ids at a time and all origins together
/// <c>capacity</c>; past either, the new id is not recorded and its message is dropped, so a
/// flooder only silences itself. Not thread-safe: the router locks.
/// </summary>
internal sealed class SeenCache(TimeSpan ttl, int capacity, int perOrigin, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _expiry = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, string Origin, DateTimeOffset Expiry)> _order = new();
    private readonly Dictionary<string, int> _byOrigin = new(StringComparer.Ordinal);

    public int Count => _expiry.Count;

    public bool Contains(string id)
    {
        Purge();
        return _expiry.ContainsKey(id);
    }

    /// <summary>How many ids <paramref name="origin"/> holds now.</summary>
    public int CountOf(string origin)
    {
        Purge();
        return _byOrigin.GetValueOrDefault(origin);
    }

    /// <summary>Records <paramref name="id"/> for <paramref name="origin"/> until its window ends.</summary>
    public SeenOutcome Add(string id, string origin)
    {
        Purge();
        if (_expiry.ContainsKey(id)) return SeenOutcome.AlreadySeen;
        var held = _byOrigin.GetValueOrDefault(origin);
        if (held >= perOrigin || _expiry.Count >= capacity) return SeenOutcome.Full;
        var expiry = time.GetUtcNow() + ttl;
        _expiry[id] = expiry;
        _byOrigin[origin] = held + 1;
        _order.Enqueue((id, origin, expiry));
        return SeenOutcome.Added;
    }

    // The ttl is the same for every id and the clock moves forward, so the queue is in expiry order.
    private void Purge()
    {
        var now = time.GetUtcNow();
        while (_order.TryPeek(out var oldest) && oldest.Expiry <= now)
        {
            _order.Dequeue();
            _expiry.Remove(oldest.Id);
            if (--_byOrigin[oldest.Origin] == 0) _byOrigin.Remove(oldest.Origin);
        }
    }
}
