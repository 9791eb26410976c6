using FedChain.Node.Identity;

namespace FedChain.Node.Gossip;

/// <summary>
/// Messages announced to us (IHAVE) and not seen yet, with who announced them. Each heartbeat asks (IWANT) for each one
/// from one announcer, and from the next a heartbeat later if it has not arrived: one request per message at a time, so
/// several announcers do not bring it several times, yet a lost request is not the end of it. An entry goes once its
/// message is seen, its announcers are all tried, or after <c>maxAttempts</c> heartbeats (the announcers' message caches
/// keep it that long). Not thread-safe: the router locks.
/// </summary>
internal sealed class WantedMessages(int maxAttempts, int capacity)
{
    private const int MaxAnnouncers = 16;

    private readonly Dictionary<string, Wanted> _wanted = new(StringComparer.Ordinal);

    public bool Contains(string id) => _wanted.ContainsKey(id);

    /// <summary>Notes that <paramref name="peer"/> announced <paramref name="id"/>; past the capacity new ids are dropped
    /// (a member announcing made-up ids only fills it for a heartbeat or two: each is asked of it once, then forgotten).</summary>
    public void Announced(string id, NodeAddress peer)
    {
        if (!_wanted.TryGetValue(id, out var wanted))
        {
            if (_wanted.Count >= capacity) return;
            _wanted[id] = wanted = new Wanted();
        }

        if (wanted.Announcers.Count < MaxAnnouncers && !wanted.Announcers.Contains(peer)) wanted.Announcers.Add(peer);
    }

    /// <summary>Once per heartbeat: the ids to ask each peer for, at most <paramref name="perPeer"/> each.</summary>
    public Dictionary<NodeAddress, List<string>> NextRequests(Func<string, bool> seen, IReadOnlySet<NodeAddress> ready, int perPeer)
    {
        var requests = new Dictionary<NodeAddress, List<string>>();
        foreach (var (id, wanted) in _wanted.ToList())
        {
            var next = wanted.Next;
            while (next < wanted.Announcers.Count && !ready.Contains(wanted.Announcers[next])) next++;
            if (seen(id) || next == wanted.Announcers.Count || wanted.Attempts == maxAttempts)
            {
                _wanted.Remove(id);
                continue;
            }

            var peer = wanted.Announcers[next];
            if (!requests.TryGetValue(peer, out var ids)) requests[peer] = ids = [];
            if (ids.Count == perPeer) continue;
            ids.Add(id);
            wanted.Next = next + 1;
            wanted.Attempts++;
        }

        return requests;
    }

    private sealed class Wanted
    {
        public List<NodeAddress> Announcers { get; } = [];

        public int Next { get; set; }

        public int Attempts { get; set; }
    }
}
