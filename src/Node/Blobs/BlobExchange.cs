using FedChain.Node.Identity;
using FedChain.Node.Wire;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Wire.V1;
using Microsoft.Extensions.Logging;

namespace FedChain.Node.Blobs;

/// <summary>
/// The blob protocol of one node: announces what it stores (BlobHave), serves manifests and chunks,
/// remembers which peers hold which blobs, and runs downloads (<see cref="BlobDownload"/>) that pull
/// verified chunks from any holder. Blobs are only ever pulled, so each node receives each blob about
/// once, whatever the number of peers.
/// </summary>
internal sealed partial class BlobExchange
{
    /// <summary>Blobs announced but not stored that we keep track of, at most.</summary>
    internal const int MaxTrackedBlobs = 4096;

    private readonly BlobStore _store;
    private readonly BlobOptions _options;
    private readonly int _maxChunkSize;
    private readonly int _relayDegree;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly IPeerNetwork _peers;
    private readonly BlobMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<BlobId, HashSet<NodeAddress>> _holders = [];
    private readonly Dictionary<BlobId, long> _announcedSize = [];
    private readonly Dictionary<BlobId, BlobDownload> _downloads = [];
    private readonly Dictionary<BlobId, int> _fetchers = [];
    private readonly Dictionary<ChunkRequestKey, TaskCompletionSource<IWireMessage?>> _pending = [];
    private readonly Dictionary<NodeAddress, int> _inFlight = [];
    private readonly SemaphoreSlim _downloadSlots;
    private TaskCompletionSource _changed = NewSignal();
    private CancellationToken _stopping = new(canceled: true);

    /// <param name="peerLimit">The node's peer limit (<c>Network.MaxPeers</c>), 0 for none. With a limit, blobs spread hop by hop,
    /// so a node that downloaded one tells every peer not known to hold it, not only <see cref="BlobOptions.RelayAnnounceDegree"/>.</param>
    public BlobExchange(BlobStore store, BlobOptions options, int maxFrameBytes, int peerLimit, TimeProvider time, Random random,
        IPeerNetwork peers, BlobMetrics metrics, ILogger logger)
    {
        _relayDegree = peerLimit > 0 ? int.MaxValue : options.RelayAnnounceDegree;
        _store = store;
        _options = options;
        _maxChunkSize = maxFrameBytes - 1024;
        _time = time;
        _random = random;
        _peers = peers;
        _metrics = metrics;
        _logger = logger;
        _downloadSlots = new SemaphoreSlim(options.ParallelDownloads);
    }

    internal BlobStore Store => _store;

    internal BlobOptions Options => _options;

    internal BlobMetrics Metrics => _metrics;

    internal ILogger Logger => _logger;

    internal TimeProvider Time => _time;

    /// <summary>Downloads run until <paramref name="stopping"/> is cancelled (node stop).</summary>
    public void Start(CancellationToken stopping) => _stopping = stopping;

    /// <summary>Every stored blob, newest last, as sent to a peer right after its hello.</summary>
    public BlobHave Inventory() =>
        new([.. _store.List().Where(b => !IsWithheld(b.Id)).TakeLast(WireLimits.MaxBlobSummaries).Select(b => new BlobSummary(b.Id.ToBytes(), b.Size))]);

    private bool IsWithheld(BlobId id) => _store.IsWithheld(id);

    /// <summary>Tells peers this node now serves <paramref name="blob"/>: its publisher tells every ready peer; a node that
    /// downloaded it tells at most <see cref="BlobOptions.RelayAnnounceDegree"/> ready peers not known to hold it, at random
    /// (with a peer limit, every one).
    /// Every holder telling every peer cost each node one announcement per blob and holder, N² a round in a consortium where
    /// every member holds every round's blobs; the publisher's word reaches every peer linked to it, a relayed word the
    /// others (a bounded mesh, a link down), and a peer that connects later gets every holder's <see cref="Inventory"/>.</summary>
    public void Announce(BlobInfo blob)
    {
        var targets = _peers.ReadyPeers().ToArray();
        lock (_lock)
        {
            // A download still running stored it: relayed, not published.
            if (_downloads.ContainsKey(blob.Id))
            {
                var holders = _holders.GetValueOrDefault(blob.Id);
                targets = [.. targets.Where(p => holders?.Contains(p) != true)];
                _random.Shuffle(targets);
                targets = targets[..Math.Min(targets.Length, _relayDegree)];
            }
        }

        Forget(blob.Id);
        if (!_options.AnnounceStored || IsWithheld(blob.Id)) return;
        var have = new BlobHave([new BlobSummary(blob.Id.ToBytes(), blob.Size)]);
        foreach (var peer in targets) _peers.TrySend(peer, have);
    }

    public void OnBlobHave(NodeAddress from, BlobHave message)
    {
        List<(BlobId Id, long Size)> wanted = [];
        // Holders of a blob this node stores are never asked: not tracked, so they do not crowd out blobs it still wants.
        var fresh = message.Blobs.Select(b => (Id: BlobId.FromBytes(b.Id), b.Size)).Where(b => !_store.Contains(b.Id)).ToList();
        lock (_lock)
        {
            foreach (var blob in fresh)
            {
                var id = blob.Id;
                if (!_holders.TryGetValue(id, out var holders))
                {
                    // Bounded, so a member announcing endless fake blobs cannot grow our memory.
                    if (_holders.Count >= MaxTrackedBlobs)
                    {
                        _metrics.AnnouncementDropped();
                        continue;
                    }

                    _holders[id] = holders = [];
                }

                holders.Add(from);
                _announcedSize.TryAdd(id, blob.Size);
                if (_options.ReplicateAnnounced && blob.Size <= _options.MaxBlobBytes && !_downloads.ContainsKey(id)) wanted.Add((id, blob.Size));
            }
        }

        Signal();
        foreach (var (id, _) in wanted.Where(w => !_store.Contains(w.Id) && _store.Wants(w.Id, w.Size))) _ = FetchInBackground(id);
    }

    public void PeerGone(NodeAddress peer)
    {
        List<TaskCompletionSource<IWireMessage?>> orphaned;
        lock (_lock)
        {
            foreach (var holders in _holders.Values) holders.Remove(peer);
            orphaned = [.. _pending.Where(kv => kv.Key.Peer == peer).Select(kv => kv.Value)];
        }

        foreach (var request in orphaned) request.TrySetResult(null);
        Signal();
    }

    /// <summary>Makes <paramref name="id"/> local: returns at once if stored, else joins or starts its download,
    /// which keeps waiting for a holder until the blob arrives, the node stops, or every caller waiting for it
    /// cancelled (then it goes on only while some peer announces the blob, as a replication would).</summary>
    public async Task FetchAsync(BlobId id, CancellationToken ct)
    {
        lock (_lock) _fetchers[id] = _fetchers.GetValueOrDefault(id) + 1;
        try
        {
            while (!_store.Contains(id)) await Download(id, persistent: true).WaitAsync(ct);
        }
        finally
        {
            lock (_lock)
            {
                if (--_fetchers[id] == 0)
                {
                    _fetchers.Remove(id);
                    if (_downloads.TryGetValue(id, out var running)) running.Persistent = false;
                }
            }
        }
    }

    /// <summary>As <see cref="FetchAsync(BlobId, CancellationToken)"/>, asking <paramref name="holders"/> too, announced or not:
    /// a caller that knows who holds a blob (the member whose shard it is) need not rely on announcements,
    /// which are dropped beyond <see cref="MaxTrackedBlobs"/>.</summary>
    public Task FetchAsync(BlobId id, IEnumerable<NodeAddress> holders, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_holders.TryGetValue(id, out var known)) _holders[id] = known = [];
            foreach (var holder in holders.Where(_peers.IsReady)) known.Add(holder);
        }

        Signal();
        return FetchAsync(id, ct);
    }

    private Task Download(BlobId id, bool persistent)
    {
        lock (_lock)
        {
            if (_downloads.TryGetValue(id, out var running))
            {
                running.Persistent |= persistent;
                return running.Completion;
            }

            var download = new BlobDownload(this, id) { Persistent = persistent };
            _downloads[id] = download;
            download.Completion = RunDownloadAsync(download);
            return download.Completion;
        }
    }

    /// <summary>Replicates an announced blob; gives up when no holder is left to ask.</summary>
    private async Task FetchInBackground(BlobId id)
    {
        try
        {
            await Download(id, persistent: false).WaitAsync(_stopping);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // node stopping
        }
        catch (Exception e)
        {
            Log.BackgroundFault(_logger, e, $"replicate blob {id}");
        }
    }

    private async Task RunDownloadAsync(BlobDownload download)
    {
        // Yield first so the caller's lock is released before any work.
        await Task.Yield();
        try
        {
            await _downloadSlots.WaitAsync(_stopping);
            try
            {
                await download.RunAsync(_stopping);
            }
            finally
            {
                _downloadSlots.Release();
            }
        }
        finally
        {
            lock (_lock) _downloads.Remove(download.Id);
            // Stored (its holders are no longer needed) or given up (its announcements may have been fake): either way forgotten,
            // so the holders tracked stay those of blobs still wanted, under MaxTrackedBlobs.
            Forget(download.Id);
        }
    }

    /// <summary>True while some connected peer is known to hold <paramref name="id"/>.</summary>
    internal bool HasHolders(BlobId id) => HolderCount(id) > 0;

    /// <summary>How many connected peers are known to hold <paramref name="id"/>.</summary>
    internal int HolderCount(BlobId id)
    {
        lock (_lock) return _holders.GetValueOrDefault(id)?.Count ?? 0;
    }

    private void Forget(BlobId id)
    {
        lock (_lock)
        {
            if (_downloads.ContainsKey(id)) return;
            _holders.Remove(id);
            _announcedSize.Remove(id);
        }
    }

    internal long? AnnouncedSize(BlobId id)
    {
        lock (_lock) return _announcedSize.TryGetValue(id, out var size) ? size : null;
    }

    internal int MaxChunkSize => _maxChunkSize;

    internal void AddHolder(BlobId id, NodeAddress peer)
    {
        lock (_lock)
        {
            if (!_holders.TryGetValue(id, out var holders)) _holders[id] = holders = [];
            holders.Add(peer);
        }
    }

    internal void RemoveHolder(BlobId id, NodeAddress peer)
    {
        lock (_lock) _holders.GetValueOrDefault(id)?.Remove(peer);
    }

    internal void Reject(NodeAddress peer, RejectionReason reason, Misbehaviour misbehaviour, string detail) =>
        _peers.Reject(peer, reason, misbehaviour, detail);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
