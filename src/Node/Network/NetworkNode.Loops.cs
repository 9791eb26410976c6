using FedChain.Node.Discovery;
using FedChain.Node.Identity;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Transport;

namespace FedChain.Node.Network;

public sealed partial class NetworkNode
{
    /// <summary>Dials <paramref name="endpoint"/> ("host:port") and runs the session in the background.
    /// With <paramref name="expected"/>, only that member is accepted. Returns the proven peer address.</summary>
    public async Task<NodeAddress> ConnectAsync(string endpoint, NodeAddress? expected = null, CancellationToken ct = default)
    {
        var target = PeerEndpoint.Parse(endpoint, "connect");
        AuthenticatedLink link;
        try
        {
            link = await _transport.DialAsync(target, expected, ct);
        }
        catch (HandshakeRejectedException e) when (e.Reason != RejectionReason.HandshakeFailed)
        {
            // We refused the peer's certificate: count it like an inbound rejection.
            RejectHandshake(e);
            throw;
        }

        Track(RunLinkAsync(link));
        return link.Remote;
    }

    private async Task HeartbeatLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.Gossip.HeartbeatInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    _gossip.Heartbeat();
                }
                catch (Exception e)
                {
                    Log.BackgroundFault(_logger, e, "gossip heartbeat");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Discovery: dial the bootstrap endpoints at once, then keep dialling every member we know an
    /// endpoint for (from the registry, hellos and peer exchange) and are not connected to.</summary>
    private async Task DialLoopAsync(CancellationToken ct)
    {
        foreach (var endpoint in _options.Bootstrap) Track(DialQuietlyAsync(endpoint, null, ct));
        using var timer = new PeriodicTimer(_options.DialInterval, _time);
        try
        {
            do
            {
                var targets = _directory.DialTargets(a => _connections.ContainsKey(a) || _dialing.ContainsKey(a) || Scores.IsBanned(a));
                foreach (var (address, endpoint) in ChooseDials(targets)) Track(DialQuietlyAsync(endpoint, address, ct));
                if (_connections.IsEmpty)
                {
                    foreach (var endpoint in _options.Bootstrap) Track(DialQuietlyAsync(endpoint, null, ct));
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Every target without a peer limit; with one, random targets until half the limit is reached or
    /// being dialled (the other half is left for inbound links), so the overlay is a random graph of bounded degree.</summary>
    private IEnumerable<(NodeAddress Address, string Endpoint)> ChooseDials(List<(NodeAddress Address, string Endpoint)> targets)
    {
        if (_options.MaxPeers == 0) return targets;
        var room = (_options.MaxPeers / 2) - _connections.Count - _dialing.Count;
        if (room <= 0) return [];
        var now = _time.GetUtcNow();
        var open = targets.Where(t => !_backoff.TryGetValue(t.Address, out var until) || until <= now).ToArray();
        lock (_dialRandom) _dialRandom.Shuffle(open);
        return open.Take(room);
    }

    private async Task DialQuietlyAsync(string endpoint, NodeAddress? expected, CancellationToken ct)
    {
        if (expected is { } address && !_dialing.TryAdd(address, 0)) return;
        try
        {
            await ConnectAsync(endpoint, expected, ct);
        }
        catch (HandshakeRejectedException e)
        {
            Log.DialFailed(_logger, endpoint, e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            if (expected is { } a) _dialing.TryRemove(a, out _);
        }
    }
}
