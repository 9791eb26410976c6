namespace FedChain.Node.Transport;

/// <summary>Bytes that crossed this node's sockets, TLS records included. Thread-safe; only grows.</summary>
public sealed class TransportMetrics
{
    private long _in;
    private long _out;

    public long BytesIn => Interlocked.Read(ref _in);

    public long BytesOut => Interlocked.Read(ref _out);

    internal void AddIn(int bytes) => Interlocked.Add(ref _in, bytes);

    internal void AddOut(int bytes) => Interlocked.Add(ref _out, bytes);
}
