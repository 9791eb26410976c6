using System.Net.Sockets;
using FedChain.Node.Identity;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Transport;
using FedChain.Node.Wire;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Network;

public sealed partial class NetworkNode
{
    /// <summary>Takes over an authenticated link (from TLS, or in memory in tests) and runs its session to the end.</summary>
    internal async Task RunLinkAsync(AuthenticatedLink link)
    {
        var connection = new PeerConnection(link, Address, new Peers(this), _options, Metrics, _time);
        if (!Register(connection))
        {
            await link.DisposeAsync();
            return;
        }

        Metrics.Count("connections.opened");
        Log.PeerConnected(_logger, link.Remote, link.RemoteEndPoint, link.Inbound ? "inbound" : "outbound");
        connection.TrySend(new Hello(Agent, _options.AdvertisedEndpoint));
        try
        {
            await connection.RunAsync(_stopping.Token);
        }
        finally
        {
            bool current;
            lock (_connectionsLock) current = _connections.TryRemove(new KeyValuePair<NodeAddress, PeerConnection>(link.Remote, connection));
            // A link that ended before its hello was most likely refused by a full peer: try others for a while.
            if (current && !connection.IsReady && _options.MaxPeers > 0) _backoff[link.Remote] = _time.GetUtcNow() + (_options.DialInterval * 10);
            if (current)
            {
                _gossip.PeerGone(link.Remote);
                _blobs.PeerGone(link.Remote);
                Metrics.Count("connections.closed");
                Log.PeerDisconnected(_logger, link.Remote, connection.CloseReason ?? "closed");
                RaiseStateChanged();
            }
        }
    }

    /// <summary>One connection per peer. When two exist (both sides dialled at once), both sides keep the one
    /// dialled by the lower address, so they agree without talking; a redial by the same side replaces the old one.</summary>
    private bool Register(PeerConnection connection)
    {
        PeerConnection? replaced = null;
        lock (_connectionsLock)
        {
            if (_stopping.IsCancellationRequested) return false;
            if (_connections.TryGetValue(connection.Remote, out var existing))
            {
                var keepNew = connection.Dialer == existing.Dialer || connection.Dialer < existing.Dialer;
                if (!keepNew) return false;
                replaced = existing;
            }
            else if (_options.MaxPeers > 0 && _connections.Count >= _options.MaxPeers)
            {
                // Full: refuse, so connections per node stay bounded whatever the consortium's size.
                Metrics.Count("connections.refused_full");
                return false;
            }

            _connections[connection.Remote] = connection;
        }

        replaced?.Close("replaced by a newer connection");
        return true;
    }

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || (e is SocketException && ct.IsCancellationRequested))
            {
                return;
            }

            socket.NoDelay = true;
            Track(AcceptAsync(socket, ct));
        }
    }

    private async Task AcceptAsync(Socket socket, CancellationToken ct)
    {
        AuthenticatedLink link;
        try
        {
            link = await _transport.AcceptAsync(socket, ct);
        }
        catch (HandshakeRejectedException e)
        {
            RejectHandshake(e);
            return;
        }

        await RunLinkAsync(link);
    }

    /// <summary>Runs a session task, logging any fault, and forgets it when done.</summary>
    private void Track(Task task)
    {
        _sessions.TryAdd(task, 0);
        _ = task.ContinueWith(t =>
        {
            _sessions.TryRemove(t, out _);
            if (t.Exception is { } e && !_stopping.IsCancellationRequested) Log.BackgroundFault(_logger, e.GetBaseException(), "peer session");
        }, TaskScheduler.Default);
    }

    /// <summary>Counts and logs a rejection; with a misbehaviour, lowers the peer's score and disconnects it when that bans it.</summary>
    private void Reject(NodeAddress peer, RejectionReason reason, Misbehaviour? misbehaviour, string detail)
    {
        // Log first: whoever sees the counter move (tests, dashboards) also finds the log line.
        Log.Rejected(_logger, reason, peer, detail);
        Metrics.Reject(reason);
        Rejected?.Invoke(this, new RejectionEventArgs(reason, peer, peer.ToString(), detail));
        if (misbehaviour is not { } m) return;
        var banned = Scores.Penalise(peer, m);
        Log.Penalised(_logger, peer, m, Scores.ScoreOf(peer));
        if (!banned) return;
        Metrics.Count("peers.banned");
        Log.Banned(_logger, peer, Scores.BannedUntil(peer) ?? _time.GetUtcNow());
        if (_connections.TryGetValue(peer, out var connection))
        {
            Metrics.Reject(RejectionReason.Disconnected);
            connection.Close($"banned for {m}");
        }
    }

    private void RejectHandshake(HandshakeRejectedException e)
    {
        Log.HandshakeRejected(_logger, e.Remote, e.Reason, e.Message);
        Metrics.Reject(e.Reason);
        Rejected?.Invoke(this, new RejectionEventArgs(e.Reason, null, e.Remote, e.Message));
    }

    /// <summary>Drops the connection to <paramref name="peer"/> abruptly, as a network fault would (fault-injection tests).</summary>
    internal bool DropConnection(NodeAddress peer)
    {
        if (!_connections.TryGetValue(peer, out var connection)) return false;
        connection.Abort("dropped by test");
        return true;
    }

    /// <summary>Cuts every connection at once, as a killed process would (fault-injection tests).</summary>
    internal void AbortAllConnections()
    {
        foreach (var connection in _connections.Values) connection.Abort("killed");
    }

    internal PeerConnection? ConnectionTo(NodeAddress peer) => _connections.GetValueOrDefault(peer);

    /// <summary>The node's side of its connections, given to gossip, blob exchange and each session.</summary>
    private sealed class Peers(NetworkNode node) : IPeerNetwork, IPeerMessageSink
    {
        public IReadOnlyList<NodeAddress> ReadyPeers() => [.. node._connections.Values.Where(c => c.IsReady).Select(c => c.Remote)];

        public bool IsReady(NodeAddress peer) => node.IsConnected(peer);

        public bool TrySend(NodeAddress peer, IWireMessage message) =>
            node._connections.TryGetValue(peer, out var connection) && connection.TrySend(message);

        public ValueTask<bool> SendAsync(NodeAddress peer, IWireMessage message, CancellationToken ct) =>
            node._connections.TryGetValue(peer, out var connection) ? connection.SendAsync(message, ct) : ValueTask.FromResult(false);

        public void Reject(NodeAddress peer, RejectionReason reason, Misbehaviour? misbehaviour, string detail) =>
            node.Reject(peer, reason, misbehaviour, detail);

        public ValueTask OnMessageAsync(PeerConnection from, IWireMessage message, CancellationToken ct) => node.DispatchAsync(from, message, ct);

        public void OnViolation(PeerConnection from, RejectionReason reason, Misbehaviour misbehaviour, string detail) =>
            node.Reject(from.Remote, reason, misbehaviour, detail);
    }
}
