using System.Collections.Concurrent;
using FedChain.Node.Blobs;
using FedChain.Node.Gossip;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Transport;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Network;

/// <summary>
/// Counters of one node, readable in-process (benchmarks and the demo report print them): its own
/// (frames, rejections, connections) and those of the layers below it, each kept beside its owner
/// (<see cref="TransportMetrics"/>, <see cref="GossipMetrics"/>, <see cref="BlobMetrics"/>).
/// Thread-safe; every value only grows.
/// </summary>
public sealed class NetworkMetrics
{
    private readonly ConcurrentDictionary<MessageCode, StrongBox> _frameBytesIn = new();
    private readonly ConcurrentDictionary<MessageCode, StrongBox> _frameBytesOut = new();
    private readonly ConcurrentDictionary<RejectionReason, StrongBox> _rejections = new();
    private readonly ConcurrentDictionary<string, StrongBox> _events = new();

    public TransportMetrics Transport { get; } = new();

    public GossipMetrics Gossip { get; } = new();

    public BlobMetrics Blobs { get; } = new();

    /// <summary>Bytes read from sockets, TLS records included.</summary>
    public long TransportBytesIn => Transport.BytesIn;

    /// <summary>Bytes written to sockets, TLS records included.</summary>
    public long TransportBytesOut => Transport.BytesOut;

    public long Rejections(RejectionReason reason) =>
        Read(_rejections, reason) + (reason == RejectionReason.Duplicate ? Gossip.Duplicates : 0);

    public long Event(string name) => Events().GetValueOrDefault(name);

    public long FrameBytesIn(MessageCode code) => Read(_frameBytesIn, code);

    public long FrameBytesOut(MessageCode code) => Read(_frameBytesOut, code);

    /// <summary>All counters at this moment.</summary>
    public NetworkMetricsSnapshot Snapshot()
    {
        var rejections = Copy(_rejections);
        if (Gossip.Duplicates > 0) rejections[RejectionReason.Duplicate] = Rejections(RejectionReason.Duplicate);
        return new(TransportBytesIn, TransportBytesOut, Copy(_frameBytesIn), Copy(_frameBytesOut), rejections, Events());
    }

    internal void AddFrameIn(MessageCode code, int bytes) => Add(_frameBytesIn, code, bytes);

    internal void AddFrameOut(MessageCode code, int bytes) => Add(_frameBytesOut, code, bytes);

    internal void Reject(RejectionReason reason) => Add(_rejections, reason, 1);

    internal void Count(string name, long by = 1) => Add(_events, name, by);

    private Dictionary<string, long> Events()
    {
        var events = Copy(_events);
        foreach (var (name, value) in Gossip.Named().Concat(Blobs.Named()))
        {
            if (value != 0) events[name] = value;
        }

        return events;
    }

    private static void Add<TKey>(ConcurrentDictionary<TKey, StrongBox> map, TKey key, long by)
        where TKey : notnull => Interlocked.Add(ref map.GetOrAdd(key, _ => new StrongBox()).Value, by);

    private static long Read<TKey>(ConcurrentDictionary<TKey, StrongBox> map, TKey key)
        where TKey : notnull => map.TryGetValue(key, out var box) ? Interlocked.Read(ref box.Value) : 0;

    private static Dictionary<TKey, long> Copy<TKey>(ConcurrentDictionary<TKey, StrongBox> map)
        where TKey : notnull => map.ToDictionary(kv => kv.Key, kv => Interlocked.Read(ref kv.Value.Value));

    private sealed class StrongBox
    {
        public long Value;
    }
}
