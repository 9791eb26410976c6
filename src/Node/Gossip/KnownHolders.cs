using FedChain.Node.Identity;

namespace FedChain.Node.Gossip;

/// <summary>
/// Which peers are known to have which message: they sent it or announced its id (IHAVE). The router announces a
/// message to none of them, after GossipSub v1.2's IDONTWANT (a peer that told us about a message does not want it
/// from us), without the extra frame. Not thread-safe: the router locks.
/// </summary>
internal sealed class KnownHolders
{
    private readonly Dictionary<string, HashSet<NodeAddress>> _holders = new(StringComparer.Ordinal);

    public void Add(string id, NodeAddress peer)
    {
        if (!_holders.TryGetValue(id, out var peers)) _holders[id] = peers = [];
        peers.Add(peer);
    }

    public bool Holds(string id, NodeAddress peer) => _holders.TryGetValue(id, out var peers) && peers.Contains(peer);

    /// <summary>Forgets every message <paramref name="keep"/> refuses (once it left the message cache, nobody is told of it again).</summary>
    public void Prune(Func<string, bool> keep)
    {
        foreach (var id in _holders.Keys.Where(id => !keep(id)).ToList()) _holders.Remove(id);
    }
}
