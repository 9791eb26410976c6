using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Transport;

namespace FedChain.Bench;

/// <summary>
/// 64 MiB one way over one loopback connection: through the node's TLS 1.3 link (certificate-bound,
/// the pipe the sessions use) against a plain socket. The ratio is the transport's share of the
/// `fedchain bench gossip` gap to plain TCP.
/// </summary>
public class TlsThroughputBenchmarks
{
    private const int Total = 64 << 20;
    private const int Write = 64 * 1024;
    private readonly byte[] _payload = new byte[Write];
    private readonly byte[] _sink = new byte[256 * 1024];
    private readonly List<IDisposable> _owned = [];
    private AuthenticatedLink _sender = null!;
    private AuthenticatedLink _receiver = null!;
    private Socket _plainSender = null!;
    private Socket _plainReceiver = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var time = TimeProvider.System;
        var membership = new InMemoryMembership();
        var a = NodeKey.Generate();
        var b = NodeKey.Generate();
        membership.Set(new Member(a.Address, null));
        membership.Set(new Member(b.Address, null));
        var serverTransport = new TlsTransport(a, membership, new PeerScoreBook(new ScoringOptions(), time), time, TimeSpan.FromSeconds(10), new TransportMetrics());
        var clientTransport = new TlsTransport(b, membership, new PeerScoreBook(new ScoringOptions(), time), time, TimeSpan.FromSeconds(10), new TransportMetrics());
        _owned.AddRange([a, b, serverTransport, clientTransport]);

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepting = listener.AcceptSocketAsync();
        var dialling = clientTransport.DialAsync(new DnsEndPoint("127.0.0.1", port), a.Address, CancellationToken.None);
        _receiver = await serverTransport.AcceptAsync(await accepting, CancellationToken.None);
        _sender = await dialling;

        var plainAccepting = listener.AcceptSocketAsync();
        _plainSender = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await _plainSender.ConnectAsync(IPAddress.Loopback, port);
        _plainReceiver = await plainAccepting;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _sender.DisposeAsync();
        await _receiver.DisposeAsync();
        _plainSender.Dispose();
        _plainReceiver.Dispose();
        foreach (var d in _owned) d.Dispose();
    }

    [Benchmark]
    public async Task Tls()
    {
        var reading = Task.Run(async () =>
        {
            long received = 0;
            while (received < Total)
            {
                var result = await _receiver.Pipe.Input.ReadAsync();
                received += result.Buffer.Length;
                _receiver.Pipe.Input.AdvanceTo(result.Buffer.End);
            }
        });
        for (var sent = 0; sent < Total; sent += Write)
        {
            await _sender.Pipe.Output.WriteAsync(_payload);
        }

        await reading;
    }

    [Benchmark(Baseline = true)]
    public async Task PlainTcp()
    {
        var reading = Task.Run(async () =>
        {
            long received = 0;
            while (received < Total) received += await _plainReceiver.ReceiveAsync(_sink);
        });
        for (var sent = 0; sent < Total; sent += Write) await _plainSender.SendAsync(_payload);
        await reading;
    }
}
