namespace FedChain.Node.Blobs;

/// <summary>
/// The contents of the blobs stored last, up to a byte budget, least recently used out first. A blob is
/// read most right after it is stored: peers pull its chunks and the node itself reads it (a sharded
/// aggregation's shards and sums), and a file opened and read per 64 KiB chunk showed as an eighth of the
/// CPU of `fedchain bench aggregate` (perf). Contents are content-addressed, so they never go stale.
/// </summary>
internal sealed class RecentBlobs(long capacityBytes)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<BlobId, LinkedListNode<(BlobId Id, byte[] Content)>> _entries = [];
    private readonly LinkedList<(BlobId Id, byte[] Content)> _order = new();
    private long _bytes;

    /// <summary>The content of <paramref name="id"/> if held (not to be changed: it is shared), else null.</summary>
    public byte[]? Get(BlobId id)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(id, out var node)) return null;
            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.Content;
        }
    }

    /// <summary>Keeps <paramref name="content"/>, which the caller no longer changes, evicting the least recently used past the budget.</summary>
    public void Add(BlobId id, byte[] content)
    {
        if (content.Length > capacityBytes) return;
        lock (_lock)
        {
            if (_entries.ContainsKey(id)) return;
            _entries[id] = _order.AddFirst((id, content));
            _bytes += content.Length;
            while (_bytes > capacityBytes && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _entries.Remove(oldest.Value.Id);
                _bytes -= oldest.Value.Content.Length;
            }
        }
    }
}
