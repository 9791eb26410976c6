using FedChain.Node.Blobs;
using FedChain.Node.Gossip;
using FedChain.Node.Identity;
using FedChain.Node.Network;
using Microsoft.Extensions.Logging;

namespace FedChain.Node.ShardedRounds;

/// <summary>
/// Who holds which point-to-point shard, as the holders say over gossip (<see cref="ShardsHeld"/>, signed by the
/// gossip layer). A member's shards go only to the nodes that keep them (<see cref="ShardedCommit.Keeper"/>), so a node
/// holding its own parts of a member's update cannot tell from them whether the aggregation can get the rest; it counts
/// the commit as available only once each shard is held by a node other than the member, and ballots it out otherwise. Listening from the node's
/// start: a round's messages may come before this node reaches the round. What this node says is batched over
/// <see cref="BatchWindow"/>, since every message costs each receiver a signature recovery. What it hears is kept in a file
/// beside the node's round state too, so a node restarted while a round is open still knows who said what and does not ballot
/// a member whose parts are held.
/// </summary>
public sealed class ShardHoldings : IDisposable
{
    /// <summary>Gossip topic of <see cref="ShardsHeld"/>.</summary>
    public const string Topic = "sharded-holdings";

    /// <summary>Rounds remembered (across the node's plans); older ones are settled on-chain long before.</summary>
    private const int MaxSessions = 64;

    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(250);

    private readonly NetworkNode _network;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IDisposable _subscription;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<NodeAddress, HashSet<BlobId>>> _heard = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Dictionary<string, HashSet<BlobId>> _told = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BlobId>> _pending = new(StringComparer.Ordinal);
    private readonly string? _file;

    /// <param name="file">Where what this node hears is kept across restarts (one line per message: its origin and payload); null: in memory only.</param>
    public ShardHoldings(NetworkNode network, TimeProvider time, ILogger logger, string? file = null)
    {
        (_network, _time, _logger, _file) = (network, time, logger, file);
        if (file is not null) Recover(file);
        _subscription = network.Subscribe(Topic, OnMessage);
    }

    /// <summary>Whether a node other than <paramref name="owner"/> (and this node) has said it holds shard <paramref name="id"/> of <paramref name="session"/>.</summary>
    public bool HeldElsewhere(string session, BlobId id, NodeAddress owner)
    {
        lock (_lock) return _heard.TryGetValue(session, out var holders) && holders.Any(h => h.Key != owner && h.Value.Contains(id));
    }

    /// <summary>Who other than this node has said it holds shard <paramref name="id"/> of <paramref name="session"/>: where else to ask for it.</summary>
    public IReadOnlyList<NodeAddress> HoldersOf(string session, BlobId id)
    {
        lock (_lock) return _heard.TryGetValue(session, out var holders) ? [.. holders.Where(h => h.Value.Contains(id)).Select(h => h.Key)] : [];
    }

    /// <summary>Tells the members this node holds <paramref name="ids"/> of <paramref name="session"/> (each once, in the next batch).</summary>
    public void Tell(string session, IEnumerable<BlobId> ids)
    {
        lock (_lock)
        {
            var told = SessionOf(_told, session, () => []);
            var fresh = ids.Where(told.Add).ToList();
            if (fresh.Count == 0) return;
            var pending = SessionOf(_pending, session, () => []);
            var first = pending.Count == 0;
            pending.AddRange(fresh);
            if (!first) return;
        }

        // Never unseen: a word not sent costs the others their evidence, so say why.
        _ = Task.Delay(BatchWindow, _time).ContinueWith(_ => Flush(session), TaskScheduler.Default).ContinueWith(
            t => Log.ShardsHeldNotSent(_logger, session, t.Exception!.GetBaseException().Message), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public void Dispose() => _subscription.Dispose();

    private void Flush(string session)
    {
        List<BlobId> batch;
        lock (_lock)
        {
            if (!_pending.Remove(session, out var pending) || pending.Count == 0) return;
            batch = pending;
        }

        _network.Publish(Topic, new ShardsHeld(session, batch).Encode());
    }

    private void OnMessage(ControlMessage message)
    {
        ShardsHeld held;
        try
        {
            held = ShardsHeld.Decode(message.Payload);
        }
        catch (InvalidDataException e)
        {
            Log.ShardsHeldRefused(_logger, message.Origin, e.Message);
            return;
        }

        lock (_lock)
        {
            Heard(message.Origin, held);
            // Under the lock, so lines are whole and in the order heard; a few small appends per round.
            if (_file is not null) File.AppendAllText(_file, Line(message.Origin, message.Payload.Span));
        }
    }

    /// <summary>Under the lock: <paramref name="origin"/> said it holds <paramref name="held"/>. One set per origin, so a lookup
    /// costs one probe per holder however many words it sent (a word per member it keeps for, as its pulls complete).</summary>
    private void Heard(NodeAddress origin, ShardsHeld held)
    {
        var holders = SessionOf(_heard, held.Session, () => []);
        if (!holders.TryGetValue(origin, out var ids)) holders[origin] = ids = [];
        ids.UnionWith(held.Shards);
    }

    /// <summary>What the file says was heard before a restart; then the file is written again with the sessions still remembered.</summary>
    private void Recover(string file)
    {
        if (!File.Exists(file)) return;
        var number = 0;
        lock (_lock)
        {
            foreach (var line in File.ReadLines(file))
            {
                number++;
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                try
                {
                    if (tab < 0) throw new InvalidDataException("no tab between origin and payload");
                    Heard(NodeAddress.Parse(line[..tab]), ShardsHeld.Decode(Convert.FromBase64String(line[(tab + 1)..])));
                }
                catch (Exception e) when (e is InvalidDataException or FormatException or ArgumentException)
                {
                    // A line cut by a crash mid-append, most likely: the words before it still count.
                    Log.ShardsHeldRecordSkipped(_logger, file, number, e.Message);
                }
            }

            var kept = _heard.SelectMany(session => session.Value.SelectMany(h =>
                h.Value.Chunk(ShardsHeld.MaxShards).Select(ids => Line(h.Key, new ShardsHeld(session.Key, ids).Encode()))));
            var temporary = file + ".tmp";
            File.WriteAllText(temporary, string.Concat(kept));
            File.Move(temporary, file, overwrite: true);
        }
    }

    private static string Line(NodeAddress origin, ReadOnlySpan<byte> payload) => $"{origin}\t{Convert.ToBase64String(payload)}\n";

    /// <summary>The session's entry of <paramref name="map"/>, made on first use; the oldest sessions are forgotten.</summary>
    private T SessionOf<T>(Dictionary<string, T> map, string session, Func<T> create)
    {
        if (map.TryGetValue(session, out var entry)) return entry;
        if (!_heard.ContainsKey(session) && !_told.ContainsKey(session))
        {
            _order.Enqueue(session);
            if (_order.Count > MaxSessions)
            {
                var old = _order.Dequeue();
                _heard.Remove(old);
                _told.Remove(old);
                _pending.Remove(old);
            }
        }

        return map[session] = create();
    }
}
