using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using FedChain.Node.Blobs;
using FedChain.Node.Discovery;
using FedChain.Node.Gossip;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FedChain.Node.Network;

/// <summary>
/// A FedChain peer on the network: listens and dials over mutually authenticated TLS, admits only
/// current members, gossips signed control messages, and publishes and fetches content-addressed
/// blobs. Start and stop it directly or as a hosted service.
/// </summary>
public sealed partial class NetworkNode : IHostedService, IAsyncDisposable
{
    private const string Agent = "fedchain/1";

    private readonly NodeKey _key;
    private readonly IMembershipView _membership;
    private readonly NetworkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TlsTransport _transport;
    private readonly GossipRouter _gossip;
    private readonly BlobExchange _blobs;
    private readonly PeerDirectory _directory;
    private readonly ConcurrentDictionary<NodeAddress, PeerConnection> _connections = new();
    private readonly ConcurrentDictionary<NodeAddress, byte> _dialing = new();
    private readonly Lock _connectionsLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private readonly ConcurrentDictionary<Task, byte> _sessions = new();
    private readonly Random _dialRandom;
    private readonly ConcurrentDictionary<NodeAddress, DateTimeOffset> _backoff = new();
    private TcpListener? _listener;

    public NetworkNode(NodeKey key, IMembershipView membership, BlobStore store, NetworkOptions options,
        TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        options.Validate();
        _key = key;
        _membership = membership;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<NetworkNode>();
        Store = store;
        Metrics = new NetworkMetrics();
        Scores = new PeerScoreBook(options.Scoring, _time);
        _transport = new TlsTransport(key, membership, Scores, _time, options.HandshakeTimeout, Metrics.Transport);
        _directory = new PeerDirectory(membership, key.Address);
        _dialRandom = SeededRandom("dial");
        _gossip = new GossipRouter(key, membership, options.Gossip, _time, SeededRandom("gossip"), new Peers(this), Metrics.Gossip, _logger);
        _blobs = new BlobExchange(store, options.Blobs, options.MaxFrameBytes, options.MaxPeers, _time, SeededRandom("blobs"), new Peers(this), Metrics.Blobs, _logger);
        store.Stored += OnBlobStored;
        membership.Changed += OnMembershipChanged;
    }

    /// <summary>This node's member address.</summary>
    public NodeAddress Address => _key.Address;

    /// <summary>The bound listening endpoint once started (the real port when configured with port 0).</summary>
    public IPEndPoint? ListenEndPoint => _listener?.LocalEndpoint as IPEndPoint;

    public BlobStore Store { get; }

    public NetworkMetrics Metrics { get; }

    public PeerScoreBook Scores { get; }

    /// <summary>Peers connected and past their hello.</summary>
    public IReadOnlyCollection<NodeAddress> ConnectedPeers => [.. _connections.Values.Where(c => c.IsReady).Select(c => c.Remote)];

    /// <summary>Whether <paramref name="peer"/> is connected and past its hello: one lookup, where <see cref="ConnectedPeers"/> copies them all.</summary>
    public bool IsConnected(NodeAddress peer) => _connections.TryGetValue(peer, out var connection) && connection.IsReady;

    /// <summary>Current gossip mesh peers.</summary>
    public IReadOnlyCollection<NodeAddress> MeshPeers => _gossip.Mesh;

    /// <summary>Raised when a peer becomes ready or goes, and when a blob is stored: a cue to re-check state.</summary>
    public event EventHandler? StateChanged;

    /// <summary>Raised for every rejection (handshake, frame, message, chunk), after it is counted and logged.</summary>
    public event EventHandler<RejectionEventArgs>? Rejected;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_listener is not null) throw new InvalidOperationException("the node has already started");
        _listener = new TcpListener(_options.Listen);
        _listener.Start(backlog: 128);
        Log.Listening(_logger, Address, _listener.LocalEndpoint.ToString()!);
        _blobs.Start(_stopping.Token);
        _loops.Add(AcceptLoopAsync(_stopping.Token));
        _loops.Add(HeartbeatLoopAsync(_stopping.Token));
        _loops.Add(DialLoopAsync(_stopping.Token));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync();
        _listener?.Stop();
        foreach (var connection in _connections.Values) connection.Close("node stopping");
        // Faults were logged as they happened (see Track); sessions still closing when the host's stop
        // timeout runs out are left to finish on their own.
        await Task.WhenAll([.. _loops, .. _sessions.Keys]).WaitAsync(cancellationToken)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await StopAsync(timeout.Token);
        Store.Stored -= OnBlobStored;
        _membership.Changed -= OnMembershipChanged;
        _transport.Dispose();
        _stopping.Dispose();
    }

    private Random SeededRandom(string purpose)
    {
        var address = Address.ToBytes();
        var seed = _options.Seed ^ BinaryPrimitives.ReadInt32BigEndian(address) ^ StableHash(purpose);
        return new Random(seed);
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text) hash = unchecked((hash * 31) + c);
        return hash;
    }

    private void RaiseStateChanged() => StateChanged?.Invoke(this, EventArgs.Empty);

    private void OnBlobStored(object? sender, BlobInfo blob)
    {
        Log.BlobStored(_logger, blob.Id.ToString(), blob.Size);
        _blobs.Announce(blob);
        RaiseStateChanged();
    }

    private void OnMembershipChanged(object? sender, MembershipChangedEventArgs change)
    {
        foreach (var removed in change.Removed)
        {
            if (!_connections.TryGetValue(removed, out var connection)) continue;
            Metrics.Reject(RejectionReason.Disconnected);
            Log.PeerDisconnected(_logger, removed, "no longer a member");
            connection.Close("no longer a member");
        }
    }
}
