using System.Buffers;
using System.Net;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Transport;
using FedChain.Node.Wire;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Tests.Support;

/// <summary>
/// A hostile or scripted peer: completes the real TLS handshake with its own key, then writes whatever
/// bytes a test wants and discards what it reads.
/// </summary>
public sealed class RawPeer : IAsyncDisposable
{
    private readonly AuthenticatedLink _link;
    private readonly Task _drain;

    private RawPeer(AuthenticatedLink link, bool drain)
    {
        _link = link;
        _drain = drain ? DrainAsync() : Task.CompletedTask;
    }

    /// <summary>Completes when the node closes the connection.</summary>
    public Task Closed => _drain;

    /// <summary>Dials <paramref name="target"/> as <paramref name="key"/>. With <paramref name="drain"/> false it never
    /// reads, like a stalled peer, and <see cref="Closed"/> says nothing.</summary>
    public static Task<RawPeer> ConnectAsync(NodeKey key, IPEndPoint target, IMembershipView membership, TimeProvider time, bool sendHello = true, bool drain = true) =>
        ConnectAsync(new TlsTransport(key, membership, new PeerScoreBook(new ScoringOptions(), time), time, TimeSpan.FromSeconds(5), new TransportMetrics()), target, sendHello, drain);

    /// <summary>Connects through a given transport: tests build one with a forged certificate.</summary>
    internal static async Task<RawPeer> ConnectAsync(TlsTransport transport, IPEndPoint target, bool sendHello = true, bool drain = true)
    {
        var link = await transport.DialAsync(new DnsEndPoint(target.Address.ToString(), target.Port), null, CancellationToken.None);
        var peer = new RawPeer(link, drain);
        if (sendHello) await peer.SendAsync(new Hello("raw-test-peer", null));
        return peer;
    }

    public Task SendAsync(IWireMessage message) => SendRawAsync(WireCodec.Encode(message));

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        await _link.Pipe.Output.WriteAsync(bytes);
    }

    /// <summary>Writes many frames with one flush per batch, for fuzzing.</summary>
    public async Task SendBatchAsync(IEnumerable<byte[]> frames)
    {
        foreach (var frame in frames) _link.Pipe.Output.Write(frame);
        await _link.Pipe.Output.FlushAsync();
    }

    private async Task DrainAsync()
    {
        await Task.Yield();
        try
        {
            while (true)
            {
                var result = await _link.Pipe.Input.ReadAsync();
                _link.Pipe.Input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted || result.IsCanceled) return;
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // closed by the node
        }
    }

    public async ValueTask DisposeAsync()
    {
        _link.Abort();
        await _drain;
        await _link.DisposeAsync();
    }
}
