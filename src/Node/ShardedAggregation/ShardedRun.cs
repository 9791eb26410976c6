using System.Collections.Concurrent;
using FedChain.Node.Blobs;
using FedChain.Node.Identity;

namespace FedChain.Node.ShardedAggregation;

/// <summary>
/// One node's part in one sharded aggregation: publish its shards, then, until every shard sum is
/// verified, answer each claim's challenge, check each claim, redo failed shards, and aggregate the
/// shards it is (or becomes) responsible for. One loop decides; fetching and summing run beside it.
/// </summary>
internal sealed partial class ShardedRun
{
    /// <summary>The answer batch window grows to at most 2^6 times its start (16 s at the default 250 ms).</summary>
    private const int MaxWindowDoublings = 6;

    private readonly ShardedAggregator _owner;
    private readonly AggregationSession _session;
    private readonly NodeAddress[] _members;
    private readonly NodeAddress _me;
    private readonly uint[] _update;
    private readonly ShardLayout _layout;
    private readonly CancellationToken _ct;
    private readonly ShardSum?[] _verified;
    private readonly NodeAddress[] _accepted;
    private readonly Task<ShardSum>?[] _redos;
    private readonly HashSet<int> _claiming = [];
    private readonly HashSet<string> _answered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<ShardSum?>> _checks = new(StringComparer.Ordinal);
    private readonly List<Task> _background = [];
    private readonly List<AggregatorFinding> _findings = [];
    private readonly byte[] _participantsHash;
    private readonly Dictionary<NodeAddress, IReadOnlyList<BlobId>> _shardIds = [];
    private readonly Dictionary<NodeAddress, string> _bindings = [];
    private readonly IReadOnlyList<CommittedShards>? _committed;
    private readonly Func<BlobId, IEnumerable<NodeAddress>>? _heldBy;
    private readonly HashSet<NodeAddress> _gone = [];
    private readonly Lock _signals = new();
    private DateTimeOffset _shardsKnownAt;
    private DateTimeOffset? _firstUnanswered;
    private int _earlyBatches;
    private TaskCompletionSource _progress = NewSignal();
    private Task? _tick;

    /// <param name="committed">Each member's shards as fixed before the run (a round's commit set); null: this run cuts and publishes them.</param>
    /// <param name="heldBy">Who else says it holds a shard blob (its keepers, by their word), asked beside the member, the shard's aggregator and backup.</param>
    public ShardedRun(ShardedAggregator owner, AggregationSession session, NodeAddress[] members, int shards, uint[] update, IReadOnlyList<CommittedShards>? committed, Func<BlobId, IEnumerable<NodeAddress>>? heldBy, CancellationToken ct)
    {
        _heldBy = heldBy;
        _owner = owner;
        _session = session;
        _members = members;
        _me = owner.Node.Address;
        _update = update;
        _layout = new ShardLayout(update.Length, shards);
        _committed = committed;
        _ct = ct;
        _verified = new ShardSum?[shards];
        _accepted = new NodeAddress[shards];
        _redos = new Task<ShardSum>?[shards];
        _participantsHash = ShardAggregated.ParticipantsHash(members);
    }

    public async Task<ShardedAggregationResult> ExecuteAsync()
    {
        if (_committed is null) await PublishShardsAsync();
        else
        {
            foreach (var member in _committed) (_shardIds[member.Member], _bindings[member.Member]) = (member.Shards, member.Binding);
        }

        _shardsKnownAt = _owner.Time.GetUtcNow();

        for (var s = 0; s < _layout.Count; s++)
        {
            if (Candidate(s, 0) == _me) StartClaim(s);
            // The first backup of a shard keeps its aggregator's own part of it, which nobody else pulls:
            // without it the shard could not be redone if the aggregator went away.
            else if (Candidate(s, 1) == _me) _background.Add(Watched(ShardOfAsync(Candidate(s, 0), s)));
        }

        while (_verified.Any(v => v is null))
        {
            var changed = _session.Changed;
            var progressed = Progressed;
            Step();
            if (_verified.All(v => v is not null)) break;
            // A fault ends the run: a shard no holder serves (ShardUnavailableException) or a fetch past its timeout.
            if (_background.Find(t => t.IsFaulted) is { } faulted) await faulted;
            if (_checks.Values.FirstOrDefault(t => t.IsFaulted) is { } failed) await failed;
            // Wake on a message, on any of our own work finishing, or on the tick (for timeouts).
            await Task.WhenAny(changed, progressed, Tick());
            _ct.ThrowIfCancellationRequested();
        }

        var sum = new uint[_update.Length];
        for (var s = 0; s < _layout.Count; s++) _verified[s]!.Sum.CopyTo(sum, _layout.Start(s));
        lock (_findings) return new ShardedAggregationResult(sum, _accepted, [.. _findings.Distinct()]);
    }

    /// <summary>Cuts this node's update into one shard per member, publishes them and their list, and learns every member's list.</summary>
    private async Task PublishShardsAsync()
    {
        // All at once: each store write ends in an fsync, and one after another they took seconds at N = 50.
        var ids = await Task.WhenAll(Enumerable.Range(0, _layout.Count).Select(s =>
        {
            var shard = ShardVector.Encode(_update.AsSpan(_layout.RangeOf(s)));
            return _owner.Options.WithholdShards ? _owner.Node.PublishUnannouncedBlobAsync(shard, _ct) : _owner.Node.PublishBlobAsync(shard, _ct);
        }));
        _owner.Publish(new ShardsPublished(_session.Name, _update.Length, ids));

        await UntilAsync(() => _members.All(m => _session.ManifestOf(m) is not null), null);
        foreach (var member in _members) (_shardIds[member], _bindings[member]) = (ShardListOf(member), _session.ManifestOf(member)!.Value.MessageId);
    }

    /// <summary>Completes when any of this run's own work (a check, a redo, a claim, a pull) next ends.</summary>
    private Task Progressed
    {
        get
        {
            lock (_signals) return _progress.Task;
        }
    }

    /// <summary>The run's one tick, shared by every wait: a timer per wait and wake was thousands of timers a second at N = 50.</summary>
    private Task Tick()
    {
        lock (_signals)
        {
            if (_tick is null || _tick.IsCompleted) _tick = Task.Delay(_owner.Options.Tick, _owner.Time, _ct);
            return _tick;
        }
    }

    /// <summary>Starts watching <paramref name="work"/>: its end wakes the loop (<see cref="Progressed"/>).</summary>
    private T Watched<T>(T work)
        where T : Task
    {
        work.ContinueWith(_ =>
        {
            TaskCompletionSource done;
            lock (_signals) (done, _progress) = (_progress, NewSignal());
            done.TrySetResult();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return work;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Step()
    {
        FetchGoneMembersShards();
        var claims = _session.Claims().Where(c => c.Body.Shard < _layout.Count).ToList();
        AnswerClaims(claims);

        foreach (var claim in claims)
        {
            if (_verified[claim.Body.Shard] is null && !_checks.ContainsKey(claim.MessageId)) _checks[claim.MessageId] = Watched(CheckAsync(claim));
        }

        foreach (var claim in claims)
        {
            if (!_checks.TryGetValue(claim.MessageId, out var check) || !check.IsCompletedSuccessfully) continue;
            var s = claim.Body.Shard;
            if (check.Result is { } sum)
            {
                if (_verified[s] is null) (_verified[s], _accepted[s]) = (sum, claim.Origin);
            }
            else if (_verified[s] is null && _redos[s] is null)
            {
                Log.ShardCheckFailed(_owner.Logger, _session.Name, claim.Origin, s);
                _redos[s] = Watched(RedoAsync(s));
            }
        }

        var byCandidate = claims.ToLookup(c => (c.Origin, c.Body.Shard));
        for (var s = 0; s < _layout.Count; s++)
        {
            if (_redos[s] is { IsCompleted: true } redo && _verified[s] is null) (_verified[s], _accepted[s]) = (redo.Result, _me);
            if (_verified[s] is null && _redos[s] is null && !_claiming.Contains(s) && CurrentAggregator(s, byCandidate) == _me) StartClaim(s);
        }
    }

    /// <summary>A member gone from the run has its challenge terms computed from its shards, so every node needs them all: pull
    /// them at once from their other holders, so a shard nobody serves is found (<see cref="ShardUnavailableException"/>) by every
    /// node that takes part, not only by the shard's aggregator, and a quorum of them can ballot the member out. Point-to-point
    /// shards only: with announced shards on a bounded mesh a member need not be a neighbour, and its shards travel hop by hop.</summary>
    private void FetchGoneMembersShards()
    {
        if (!_owner.Options.WithholdShards) return;
        foreach (var member in _members)
        {
            if (member == _me || _owner.Node.IsConnected(member) || !_gone.Add(member)) continue;
            for (var s = 0; s < _layout.Count; s++) _background.Add(Watched(ShardOfAsync(member, s)));
        }
    }

    /// <summary>Answers the claims not answered yet, in one message once every shard has a claim, or once the batch
    /// window has passed since the first unanswered one. The window doubles with each early batch: claims that
    /// trickle in over seconds would otherwise cost one message per window, and every message costs each of the
    /// N - 1 receivers a signature recovery (measured: 25 answer messages per node at N = 50, half the CPU of
    /// the aggregation). Only claims that are not the last are delayed, so the end of the aggregation is not.</summary>
    private void AnswerClaims(IReadOnlyList<ShardClaim> claims)
    {
        var fresh = claims.Where(c => !_answered.Contains(c.MessageId)).ToList();
        if (fresh.Count == 0) return;
        var now = _owner.Time.GetUtcNow();
        _firstUnanswered ??= now;
        var everyShard = claims.Select(c => c.Body.Shard).Distinct().Count() == _layout.Count;
        var window = _owner.Options.AnswerBatchWindow * (1 << Math.Min(_earlyBatches, MaxWindowDoublings));
        if (!everyShard && now - _firstUnanswered < window) return;
        if (!everyShard) _earlyBatches++;
        foreach (var claim in fresh) _answered.Add(claim.MessageId);
        _firstUnanswered = null;
        _owner.Publish(new ChallengeAnswers(_session.Name, [.. fresh.Select(c => new ChallengeAnswer(ChallengeAnswer.RefOf(c.MessageId), OwnAnswer(c)))]));
    }

    /// <summary>Who should be aggregating shard <paramref name="shard"/> now: the first in its order that has a
    /// claim not yet refuted, or has none but is still connected and inside its time.</summary>
    private NodeAddress? CurrentAggregator(int shard, ILookup<(NodeAddress Origin, int Shard), ShardClaim> claims)
    {
        var now = _owner.Time.GetUtcNow();
        for (var k = 0; k < _members.Length; k++)
        {
            var candidate = Candidate(shard, k);
            var theirs = claims[(candidate, shard)].ToList();
            if (theirs.Count > 0)
            {
                if (theirs.Exists(c => !_checks.TryGetValue(c.MessageId, out var t) || !t.IsCompletedSuccessfully || t.Result is not null)) return candidate;
                continue;
            }

            if (candidate == _me) return _me;
            var silent = now - _shardsKnownAt > _owner.Options.ClaimTimeout * (k + 1);
            if (!silent && _owner.Node.IsConnected(candidate)) return candidate;
        }

        return null;
    }

    /// <summary>The k-th member in line for a shard: its aggregator first, then the members after it.</summary>
    private NodeAddress Candidate(int shard, int k) => _members[(shard + k) % _members.Length];

    /// <summary>A member's shard ids, from its signed shard list message, checked against the update's shape.</summary>
    private IReadOnlyList<BlobId> ShardListOf(NodeAddress member)
    {
        var body = _session.ManifestOf(member)!.Value.Body;
        if (body.Length != _update.Length || body.Shards.Count != _layout.Count)
        {
            throw new InvalidDataException(
                $"aggregation {_session.Name}: {member} published {body.Shards.Count} shards of an update of {body.Length} elements; expected {_layout.Count} shards of {_update.Length}");
        }

        return body.Shards;
    }

    private void StartClaim(int shard)
    {
        _claiming.Add(shard);
        if (Candidate(shard, 0) != _me) Log.ShardReassigned(_owner.Logger, _session.Name, shard, _me, Candidate(shard, 0));
        _background.Add(Watched(ClaimAsync(shard)));
    }

    private async Task UntilAsync(Func<bool> condition, DateTimeOffset? deadline)
    {
        while (!condition() && (deadline is null || _owner.Time.GetUtcNow() < deadline))
        {
            var changed = _session.Changed;
            if (condition()) return;
            await Task.WhenAny(changed, Tick());
            _ct.ThrowIfCancellationRequested();
        }
    }
}
