using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.Wire;
using FedChain.Node.Wire.V1;
using Microsoft.Extensions.Logging;

namespace FedChain.Node.Gossip;

/// <summary>
/// Pushes signed control messages over a small mesh, after GossipSub v1.1: eager push to at most
/// D_hi mesh peers (D = 6 by default), lazy IHAVE/IWANT gossip to a few others each heartbeat, a
/// seen-cache for deduplication and a hop TTL. One mesh serves every topic: a consortium has a
/// handful of topics and every member follows them all, so per-topic meshes would be the same set.
/// </summary>
internal sealed partial class GossipRouter
{
    private readonly NodeKey _key;
    private readonly IMembershipView _membership;
    private readonly GossipOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly IPeerNetwork _peers;
    private readonly GossipMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly HashSet<NodeAddress> _mesh = [];
    private readonly SeenCache _seen;
    private readonly MessageCache _cache;
    private readonly KnownHolders _holders = new();
    private readonly WantedMessages _wanted;
    private readonly Dictionary<string, List<Action<ControlMessage>>> _subscribers = new(StringComparer.Ordinal);
    private long _seqno;

    public GossipRouter(NodeKey key, IMembershipView membership, GossipOptions options, TimeProvider time, Random random,
        IPeerNetwork peers, GossipMetrics metrics, ILogger logger)
    {
        _key = key;
        _membership = membership;
        _options = options;
        _time = time;
        _random = random;
        _peers = peers;
        _metrics = metrics;
        _logger = logger;
        _seen = new SeenCache(options.SeenTtl, options.SeenCapacity, options.SeenCapacityPerOrigin, time);
        _cache = new MessageCache(options.HistoryLength, options.HistoryGossip);
        _wanted = new WantedMessages(options.HistoryLength, WantedCapacity);
        // Sequence numbers start from the clock so a restarted node never reuses one (GossipSub does the same).
        _seqno = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
    }

    public IReadOnlyCollection<NodeAddress> Mesh
    {
        get
        {
            lock (_lock) return [.. _mesh];
        }
    }

    public int SeenCount
    {
        get
        {
            lock (_lock) return _seen.Count;
        }
    }

    public IDisposable Subscribe(string topic, Action<ControlMessage> handler)
    {
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(topic, out var list)) _subscribers[topic] = list = [];
            list.Add(handler);
        }

        return new Subscription(() =>
        {
            lock (_lock) _subscribers.GetValueOrDefault(topic)?.Remove(handler);
        });
    }

    /// <summary>A peer finished its hello: take it into the mesh while the mesh is below D.</summary>
    public void PeerReady(NodeAddress peer)
    {
        bool graft;
        lock (_lock)
        {
            graft = _mesh.Count < _options.MeshDegree && _mesh.Add(peer);
        }

        if (graft) _peers.TrySend(peer, new Graft());
    }

    public void PeerGone(NodeAddress peer)
    {
        lock (_lock) _mesh.Remove(peer);
    }

    public void OnGraft(NodeAddress from)
    {
        bool accepted;
        lock (_lock)
        {
            accepted = _mesh.Contains(from) || (_mesh.Count < _options.MeshDegreeHigh && _mesh.Add(from));
        }

        if (!accepted) _peers.TrySend(from, new Prune());
    }

    public void OnPrune(NodeAddress from)
    {
        lock (_lock) _mesh.Remove(from);
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
