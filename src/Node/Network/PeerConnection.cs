using System.Threading.Channels;
using FedChain.Node.Identity;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Transport;
using FedChain.Node.Wire;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Network;

/// <summary>
/// One session with a peer over an <see cref="AuthenticatedLink"/>: a PipeReader loop that cuts and
/// decodes frames, and one writer task draining a bounded channel, so a slow peer pushes back on its
/// senders and memory per connection stays bounded (max frame + queue). Nothing but a hello is
/// accepted until the peer's hello has arrived.
/// </summary>
internal sealed partial class PeerConnection
{
    /// <summary>How long a closing connection may spend sending what is still queued.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private static long s_nextId;

    private readonly AuthenticatedLink _link;
    private readonly IPeerMessageSink _sink;
    private readonly NetworkMetrics _metrics;
    private readonly FloodGate _flood;
    private readonly TimeProvider _time;
    private readonly int _maxFrameBytes;
    private readonly Channel<OutboundFrame> _outbox;
    private readonly CancellationTokenSource _closing = new();
    private string? _closeReason;

    public PeerConnection(AuthenticatedLink link, NodeAddress local, IPeerMessageSink sink, NetworkOptions options, NetworkMetrics metrics, TimeProvider time)
    {
        _link = link;
        _sink = sink;
        _metrics = metrics;
        _maxFrameBytes = options.MaxFrameBytes;
        _flood = new FloodGate(options.Scoring, time);
        _time = time;
        _outbox = Channel.CreateBounded<OutboundFrame>(new BoundedChannelOptions(options.SendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Dialer = link.Inbound ? link.Remote : local;
    }

    /// <summary>Unique per process: tells two connections to the same peer apart.</summary>
    public long Id { get; } = Interlocked.Increment(ref s_nextId);

    public NodeAddress Remote => _link.Remote;

    /// <summary>Which side opened this connection: the tie-break when two peers dial each other at once.</summary>
    public NodeAddress Dialer { get; }

    public bool Inbound => _link.Inbound;

    public string RemoteEndPoint => _link.RemoteEndPoint;

    /// <summary>The peer's hello, once received.</summary>
    public Hello? PeerHello { get; private set; }

    public bool IsReady => PeerHello is not null;

    public string? CloseReason => _closeReason;

    /// <summary>Runs both loops until the link ends or <see cref="Close"/> is called; never throws for link faults.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _closing.Token);
        var reading = ReadLoopAsync(linked.Token);
        var writing = WriteLoopAsync(linked.Token);
        var first = await Task.WhenAny(reading, writing);
        Close(first.Exception?.GetBaseException().Message ?? (first == reading ? "peer closed the connection" : "send side closed"));
        var both = Task.WhenAll(reading, writing);
        // A peer that stops reading would hold the writer in FlushAsync for ever: queued frames get a
        // bounded time to drain, then the link is cut.
        if (await Task.WhenAny(both, Task.Delay(DrainTimeout, _time, CancellationToken.None)) != both) Abort("send queue did not drain");
        try
        {
            await both;
        }
        catch (Exception e) when (IsLinkFault(e))
        {
            // The fault is the close reason already recorded.
        }
        finally
        {
            await _link.Pipe.Input.CompleteAsync();
            await _link.Pipe.Output.CompleteAsync();
            await _link.DisposeAsync();
        }
    }

    /// <summary>Ends the session gracefully: queued frames are still sent, then the link closes.</summary>
    public void Close(string reason)
    {
        Interlocked.CompareExchange(ref _closeReason, reason, null);
        _outbox.Writer.TryComplete();
        _link.Pipe.Input.CancelPendingRead();
    }

    /// <summary>Cuts the link at once, as a crash or a network fault would.</summary>
    public void Abort(string reason)
    {
        Interlocked.CompareExchange(ref _closeReason, reason, null);
        _link.Abort();
        _closing.Cancel();
    }

    /// <summary>Queues a message without waiting; false (dropped) when the queue is full or closed.</summary>
    public bool TrySend(IWireMessage message)
    {
        var frame = WireCodec.EncodeFrame(message);
        if (_outbox.Writer.TryWrite(frame)) return true;
        frame.Return();
        return false;
    }

    /// <summary>Queues a message, waiting for room. False when the connection is closed.</summary>
    public async ValueTask<bool> SendAsync(IWireMessage message, CancellationToken ct)
    {
        var frame = WireCodec.EncodeFrame(message);
        try
        {
            await _outbox.Writer.WriteAsync(frame, ct);
            return true;
        }
        catch (ChannelClosedException)
        {
            frame.Return();
            return false;
        }
        catch (OperationCanceledException)
        {
            frame.Return();
            throw;
        }
    }

    /// <summary>Queues raw bytes as they are: for tests that play a hostile peer.</summary>
    internal bool TrySendRaw(byte[] bytes) => _outbox.Writer.TryWrite(new OutboundFrame(bytes, bytes.Length, 0, Pooled: false));

    private static bool IsLinkFault(Exception e) =>
        e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException
            or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException;
}
