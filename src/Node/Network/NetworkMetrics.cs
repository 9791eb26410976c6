using System.Collections.Concurrent;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Network;

/// <summary>
/// Counters of one node, readable in-process (benchmarks and the demo report print them).
/// Thread-safe; every value only grows.
/// </summary>
public sealed class NetworkMetrics
{
    private readonly ConcurrentDictionary<MessageCode, StrongBox> _frameBytesIn = new();
    private readonly ConcurrentDictionary<MessageCode, StrongBox> _frameBytesOut = new();
    private readonly ConcurrentDictionary<RejectionReason, StrongBox> _rejections = new();
    private readonly ConcurrentDictionary<string, StrongBox> _events = new();
    private long _transportIn;
    private long _transportOut;

    /// <summary>Bytes read from sockets, TLS records included.</summary>
    public long TransportBytesIn => Interlocked.Read(ref _transportIn);

    /// <summary>Bytes written to sockets, TLS records included.</summary>
    public long TransportBytesOut => Interlocked.Read(ref _transportOut);

    public long Rejections(RejectionReason reason) => Read(_rejections, reason);

    public long Event(string name) => Read(_events, name);

    public long FrameBytesIn(MessageCode code) => Read(_frameBytesIn, code);

    public long FrameBytesOut(MessageCode code) => Read(_frameBytesOut, code);

    /// <summary>All counters at this moment.</summary>
    public NetworkMetricsSnapshot Snapshot() => new(
        TransportBytesIn, TransportBytesOut,
        Copy(_frameBytesIn), Copy(_frameBytesOut), Copy(_rejections), Copy(_events));

    internal void AddTransportIn(int bytes) => Interlocked.Add(ref _transportIn, bytes);

    internal void AddTransportOut(int bytes) => Interlocked.Add(ref _transportOut, bytes);

    internal void AddFrameIn(MessageCode code, int bytes) => Add(_frameBytesIn, code, bytes);

    internal void AddFrameOut(MessageCode code, int bytes) => Add(_frameBytesOut, code, bytes);

    internal void Reject(RejectionReason reason) => Add(_rejections, reason, 1);

    internal void Count(string name, long by = 1) => Add(_events, name, by);

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
