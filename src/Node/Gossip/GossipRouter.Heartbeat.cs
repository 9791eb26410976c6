using FedChain.Node.Identity;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Gossip;

internal sealed partial class GossipRouter
{
    // Caps on one IHAVE/IWANT exchange (GossipSub v1.1 max_ihave_length), so neither side can be made to do unbounded work.
    private const int MaxIdsPerExchange = 500;

    // Announced ids waiting to be asked for: twenty exchanges' worth.
    private const int WantedCapacity = 20 * MaxIdsPerExchange;

    /// <summary>Mesh upkeep and lazy gossip, once per <see cref="GossipOptions.HeartbeatInterval"/>.</summary>
    public void Heartbeat()
    {
        var ready = _peers.ReadyPeers();
        List<NodeAddress> grafts = [], prunes = [];
        List<(NodeAddress Peer, IHave Message)> lazy = [];
        List<(NodeAddress Peer, IWant Message)> wants = [];
        lock (_lock)
        {
            _mesh.IntersectWith(ready);
            if (_mesh.Count < _options.MeshDegreeLow)
            {
                foreach (var peer in Shuffled(ready.Where(p => !_mesh.Contains(p))).Take(_options.MeshDegree - _mesh.Count))
                {
                    _mesh.Add(peer);
                    grafts.Add(peer);
                }
            }
            else if (_mesh.Count > _options.MeshDegreeHigh)
            {
                foreach (var peer in Shuffled(_mesh).Take(_mesh.Count - _options.MeshDegree))
                {
                    _mesh.Remove(peer);
                    prunes.Add(peer);
                }
            }

            foreach (var (peer, ids) in _wanted.NextRequests(_seen.Contains, ready.ToHashSet(), MaxIdsPerExchange))
            {
                wants.Add((peer, new IWant([.. ids.Select(Convert.FromHexString)])));
            }

            var gossip = _cache.GossipIds();
            if (gossip.Count > 0)
            {
                foreach (var peer in Shuffled(ready.Where(p => !_mesh.Contains(p))).Take(_options.LazyDegree))
                {
                    var ids = gossip.Where(id => !_holders.Holds(id, peer)).Take(MaxIdsPerExchange).ToList();
                    if (ids.Count > 0) lazy.Add((peer, new IHave([.. ids.Select(Convert.FromHexString)])));
                }
            }

            _cache.Shift();
            _holders.Prune(id => _cache.Get(id) is not null || _wanted.Contains(id));
        }

        foreach (var peer in grafts) _peers.TrySend(peer, new Graft());
        foreach (var peer in prunes) _peers.TrySend(peer, new Prune());
        foreach (var (peer, ihave) in lazy) _peers.TrySend(peer, ihave);
        foreach (var (peer, iwant) in wants) _peers.TrySend(peer, iwant);
        _metrics.Heartbeat();
    }

    /// <summary>Notes announced messages not yet seen, to ask for at the next heartbeat.</summary>
    public void OnIHave(NodeAddress from, IHave message)
    {
        lock (_lock)
        {
            // Asked for one announcer at a time (WantedMessages): with lazy forwarding several mesh peers announce a
            // message at once, and asking each would bring it as many times. The request waits for the heartbeat: the
            // announcer had the message from its origin, which pushed it to us too, and asking at once brought it twice
            // whenever the announcement overtook the origin's copy (a node's pushes to its N - 1 links go one by one).
            foreach (var id in message.MessageIds.Take(MaxIdsPerExchange))
            {
                var hex = Convert.ToHexStringLower(id);
                _holders.Add(hex, from);
                if (!_seen.Contains(hex)) _wanted.Announced(hex, from);
            }
        }
    }

    /// <summary>Sends the requested messages still in the message cache.</summary>
    public void OnIWant(NodeAddress from, IWant message)
    {
        List<Publish> found;
        lock (_lock)
        {
            found = [.. message.MessageIds.Take(MaxIdsPerExchange)
                .Select(id => _cache.Get(Convert.ToHexStringLower(id)))
                .OfType<Publish>()
                .Where(m => m.Ttl > 0)];
        }

        foreach (var m in found) Send(from, m);
    }

    /// <summary>Must be called under the lock: the router's Random is not thread-safe.</summary>
    private List<NodeAddress> Shuffled(IEnumerable<NodeAddress> peers)
    {
        var list = peers.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
