using FedChain.Node.Identity;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Blobs;

/// <summary>
/// One blob's download: get a manifest from a holder, then pull the missing chunks from the least
/// busy holders, verifying each against the manifest. A bad chunk costs its sender points and is
/// fetched again from another holder; a lost request goes elsewhere; progress is kept in the store,
/// so a restarted node resumes. The whole file must finally hash to the id, or the manifest's sender
/// pays and another manifest is tried.
/// </summary>
internal sealed class BlobDownload(BlobExchange exchange, BlobId id)
{
    public BlobId Id => id;

    /// <summary>Keep waiting for holders (an explicit fetch); otherwise (replicating an announcement)
    /// give up once no holder is left, so fake announcements cost nothing lasting. Guarded by the exchange's lock.</summary>
    public bool Persistent { get; set; }

    public Task Completion { get; set; } = Task.CompletedTask;

    public async Task RunAsync(CancellationToken ct)
    {
        var triedManifests = new HashSet<NodeAddress>();
        while (!exchange.Store.Contains(id))
        {
            var (manifest, source) = await GetManifestAsync(triedManifests, ct);
            if (manifest is null)
            {
                if (!Persistent && !exchange.HasHolders(id))
                {
                    exchange.Metrics.Abandoned();
                    return;
                }

                // Every request's end signals a change too: without a floor, two downloads of a blob nobody holds wake each
                // other and ask every peer again at once, a request storm peers refuse as a flood.
                await Task.WhenAll(exchange.WaitForChangeAsync(exchange.Options.RetryDelay, ct), Task.Delay(exchange.Options.RetryDelay / 5, exchange.Time, ct));
                triedManifests.Clear();
                continue;
            }

            using IIncomingBlob partial = manifest.Size <= exchange.Options.BufferedDownloadBytes
                ? exchange.Store.OpenBuffered(manifest)
                : await exchange.Store.OpenPartialAsync(manifest, ct);
            Log.FetchStarted(exchange.Logger, id.ToString(), manifest.ChunkCount, 1);
            if (!await PullChunksAsync(partial, ct))
            {
                exchange.Metrics.Abandoned();
                return;
            }

            BlobInfo? stored;
            var requested = Persistent;
            try
            {
                stored = await partial.CompleteAsync(ct, requested);
            }
            catch (BlobRefusedException e) when (!requested)
            {
                // A caller asked for it by id while it replicated: fetch it again, as asked for.
                if (Persistent) continue;
                // Not ours to hold (the chain does not reference it, or the store is full): nothing lasting, no blame.
                exchange.Metrics.NotAdmitted();
                Log.BlobNotAdmitted(exchange.Logger, id.ToString(), e.Reason);
                return;
            }

            if (stored is not null)
            {
                exchange.Metrics.Fetched();
                return;
            }

            Log.BadManifest(exchange.Logger, id.ToString(), source);
            exchange.Reject(source, RejectionReason.BadChunk, Misbehaviour.BadChunk, $"manifest of blob {id} does not describe content hashing to it");
            triedManifests.Add(source);
        }
    }

    private async Task<(BlobInfo? Manifest, NodeAddress Source)> GetManifestAsync(HashSet<NodeAddress> tried, CancellationToken ct)
    {
        // Ask announced holders first; when nobody has announced it, ask every peer.
        var anyone = exchange.PickSource(id, null) is null;
        while (exchange.PickSource(id, tried, anyone) is { } peer)
        {
            tried.Add(peer);
            var reply = await exchange.RequestAsync(new ChunkRequestKey(peer, id, -1), new ManifestRequest(id.ToBytes()), ct);
            // A holder that says it lacks the blob, or does not answer, is not asked again for it.
            if (reply is BlobMissing or null) exchange.RemoveHolder(id, peer);
            if (reply is not Manifest manifest) continue;
            if (Check(manifest) is { } problem)
            {
                exchange.Reject(peer, RejectionReason.BadChunk, Misbehaviour.BadChunk, $"manifest of blob {id}: {problem}");
                continue;
            }

            // A peer asked without an announcement (its announcement came before the store would take the blob) holds it too.
            exchange.AddHolder(id, peer);
            return (new BlobInfo(id, manifest.Size, manifest.ChunkSize, manifest.ChunkHashes, default), peer);
        }

        return (null, default);
    }

    private string? Check(Manifest manifest)
    {
        if (BlobId.FromBytes(manifest.Id) != id) return "it names another blob";
        if (manifest.Size > exchange.Options.MaxBlobBytes) return $"{manifest.Size} bytes is over the {exchange.Options.MaxBlobBytes}-byte limit";
        if (manifest.ChunkSize > exchange.MaxChunkSize) return $"chunk size {manifest.ChunkSize} does not fit a frame";
        if (exchange.AnnouncedSize(id) is { } announced && announced != manifest.Size) return $"size {manifest.Size} differs from the announced {announced}";
        return null;
    }

    /// <summary>Pulls every missing chunk; false when abandoned for want of holders (chunks so far stay for a resume).</summary>
    private async Task<bool> PullChunksAsync(IIncomingBlob partial, CancellationToken ct)
    {
        var queue = new Queue<int>(partial.MissingChunks());
        var failedFrom = new Dictionary<int, HashSet<NodeAddress>>();
        var running = new List<Task<(int Index, NodeAddress Peer, bool Ok)>>();
        while (queue.Count > 0 || running.Count > 0)
        {
            while (running.Count < exchange.Options.ParallelChunks && queue.Count > 0)
            {
                var index = queue.Peek();
                if (exchange.PickSource(id, failedFrom.GetValueOrDefault(index)) is not { } peer) break;
                queue.Dequeue();
                running.Add(PullChunkAsync(partial, index, peer, ct));
            }

            if (running.Count == 0)
            {
                if (!Persistent && !exchange.HasHolders(id)) return false;
                // Nobody can serve the next chunk now: forget who failed it and wait for holders to change.
                failedFrom.Remove(queue.Peek());
                await exchange.WaitForChangeAsync(exchange.Options.RetryDelay, ct);
                continue;
            }

            var done = await Task.WhenAny(running);
            running.Remove(done);
            var (doneIndex, from, ok) = await done;
            if (ok) continue;
            if (!failedFrom.TryGetValue(doneIndex, out var failed)) failedFrom[doneIndex] = failed = [];
            failed.Add(from);
            queue.Enqueue(doneIndex);
        }

        return true;
    }

    private async Task<(int, NodeAddress, bool)> PullChunkAsync(IIncomingBlob partial, int index, NodeAddress peer, CancellationToken ct)
    {
        var reply = await exchange.RequestAsync(new ChunkRequestKey(peer, id, index), new ChunkRequest(id.ToBytes(), index), ct);
        if (reply is BlobMissing)
        {
            exchange.RemoveHolder(id, peer);
            return (index, peer, false);
        }

        if (reply is not Chunk chunk) return (index, peer, false);
        try
        {
            if (await partial.TryWriteChunkAsync(index, chunk.Data, ct))
            {
                exchange.Metrics.ChunkFetched();
                return (index, peer, true);
            }
        }
        finally
        {
            chunk.Release();
        }

        Log.BadChunk(exchange.Logger, id.ToString(), index, peer);
        exchange.Reject(peer, RejectionReason.BadChunk, Misbehaviour.BadChunk, $"chunk {index} of blob {id} does not match its manifest hash");
        return (index, peer, false);
    }
}
