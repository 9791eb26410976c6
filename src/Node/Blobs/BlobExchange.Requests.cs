using FedChain.Node.Identity;
using FedChain.Node.Wire;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Blobs;

internal sealed partial class BlobExchange
{
    public async ValueTask OnManifestRequestAsync(NodeAddress from, ManifestRequest request, CancellationToken ct)
    {
        var info = _store.TryGet(BlobId.FromBytes(request.Id));
        IWireMessage reply = info is null
            ? new BlobMissing(request.Id, -1)
            : new Manifest(request.Id, info.Size, info.ChunkSize, info.ChunkHashes);
        await _peers.SendAsync(from, reply, ct);
    }

    /// <summary>Serves a chunk. Awaiting the send holds this peer's read loop: a requester that does not
    /// read its chunks stops being served. Honest requesters keep fewer requests in flight than the send queue holds.</summary>
    public async ValueTask OnChunkRequestAsync(NodeAddress from, ChunkRequest request, CancellationToken ct)
    {
        var id = BlobId.FromBytes(request.Id);
        var info = _store.TryGet(id);
        if (info is null)
        {
            await _peers.SendAsync(from, new BlobMissing(request.Id, request.Index), ct);
            return;
        }

        var buffer = FrameBuffers.Pool.Rent(info.ChunkSize);
        try
        {
            var length = await _store.ReadChunkAsync(id, request.Index, buffer, ct);
            IWireMessage reply = length < 0 ? new BlobMissing(request.Id, request.Index) : new Chunk(request.Id, request.Index, buffer.AsMemory(0, length));
            // The frame is encoded before SendAsync first yields, so the buffer is free once it returns.
            if (await _peers.SendAsync(from, reply, ct) && length >= 0) _metrics.ChunkServed();
        }
        finally
        {
            FrameBuffers.Pool.Return(buffer);
        }
    }

    /// <summary>Hands a Manifest, Chunk or BlobMissing to the request waiting for it; anything else is unsolicited.</summary>
    public void OnResponse(NodeAddress from, IWireMessage response)
    {
        var key = response switch
        {
            Manifest m => new ChunkRequestKey(from, BlobId.FromBytes(m.Id), -1),
            Chunk c => new ChunkRequestKey(from, BlobId.FromBytes(c.Id), c.Index),
            BlobMissing b => new ChunkRequestKey(from, BlobId.FromBytes(b.Id), b.Index),
            _ => throw new ArgumentException($"{response.Code} is not a blob response", nameof(response)),
        };
        TaskCompletionSource<IWireMessage?>? waiting;
        lock (_lock) _pending.TryGetValue(key, out waiting);
        if (waiting is null || !waiting.TrySetResult(response))
        {
            (response as Chunk)?.Release();
            _peers.Reject(from, RejectionReason.Unsolicited, Misbehaviour.Unsolicited, $"{response.Code} for blob {key.Id} index {key.Index} that was not requested");
        }
    }

    /// <summary>Sends a request and waits for its response; null on timeout, disconnect or a duplicate request.</summary>
    internal async Task<IWireMessage?> RequestAsync(ChunkRequestKey key, IWireMessage request, CancellationToken ct)
    {
        var response = new TaskCompletionSource<IWireMessage?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (!_pending.TryAdd(key, response)) return null;
            _inFlight[key.Peer] = _inFlight.GetValueOrDefault(key.Peer) + 1;
        }

        try
        {
            if (!await _peers.SendAsync(key.Peer, request, ct)) return null;
            using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                return await response.Task.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                _metrics.RequestTimedOut();
                return null;
            }
        }
        finally
        {
            lock (_lock)
            {
                _pending.Remove(key);
                if (--_inFlight[key.Peer] == 0) _inFlight.Remove(key.Peer);
            }

            Signal();
        }
    }

    /// <summary>The connected holder of <paramref name="id"/> with the fewest requests in flight (ties broken
    /// at random), skipping <paramref name="exclude"/> and peers at their cap; null when none.</summary>
    internal NodeAddress? PickSource(BlobId id, IReadOnlySet<NodeAddress>? exclude, bool anyReadyPeer = false)
    {
        var ready = anyReadyPeer ? _peers.ReadyPeers() : null;
        lock (_lock)
        {
            // The holders, each looked up: a shard has one to three, and listing every connection for each chunk
            // request cost O(N) per chunk at N = 50.
            IEnumerable<NodeAddress> candidates = ready ?? (_holders.GetValueOrDefault(id) ?? []).Where(_peers.IsReady);
            var eligible = candidates
                .Where(p => exclude?.Contains(p) != true && _inFlight.GetValueOrDefault(p) < _options.ParallelChunksPerPeer)
                .ToList();
            if (eligible.Count == 0) return null;
            var least = eligible.Min(p => _inFlight.GetValueOrDefault(p));
            var best = eligible.Where(p => _inFlight.GetValueOrDefault(p) == least).ToList();
            return best[_random.Next(best.Count)];
        }
    }

    /// <summary>Waits until holders, connections or requests change, or <paramref name="timeout"/> passes.</summary>
    internal async Task WaitForChangeAsync(TimeSpan timeout, CancellationToken ct)
    {
        Task changed;
        lock (_lock) changed = _changed.Task;
        await Task.WhenAny(changed, Task.Delay(timeout, _time, ct));
        ct.ThrowIfCancellationRequested();
    }

    internal void Signal()
    {
        TaskCompletionSource previous;
        lock (_lock)
        {
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }
}
