namespace FedChain.Node.Gossip;

/// <summary>
/// Message ids seen recently (GossipSub's seen-cache), each kept for a fixed time under the injected
/// clock and never more than a fixed count, so a flood of distinct ids cannot grow memory without bound.
/// Not thread-safe: the router locks.
/// </summary>
internal sealed class SeenCache(TimeSpan ttl, int capacity, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _expiry = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset Expiry)> _order = new();

    public int Count => _expiry.Count;

    public bool Contains(string id)
    {
        Purge();
        return _expiry.ContainsKey(id);
    }

    /// <summary>Records <paramref name="id"/>; false when it was already there.</summary>
    public bool Add(string id)
    {
        Purge();
        if (_expiry.ContainsKey(id)) return false;
        var expiry = time.GetUtcNow() + ttl;
        _expiry[id] = expiry;
        _order.Enqueue((id, expiry));
        while (_expiry.Count > capacity) _expiry.Remove(_order.Dequeue().Id);
        return true;
    }

    private void Purge()
    {
        var now = time.GetUtcNow();
        while (_order.TryPeek(out var oldest) && oldest.Expiry <= now)
        {
            _order.Dequeue();
            _expiry.Remove(oldest.Id);
        }
    }
}
