using FedChain.Node.Blobs;
using FedChain.Node.Gossip;
using FedChain.Node.Identity;
using FedChain.Node.Network;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FedChain.Node.ShardedAggregation;

/// <summary>
/// Decentralised aggregation whose traffic per node does not grow with the consortium: a reduce-scatter
/// and all-gather over signed, content-addressed blobs. Each member cuts its (quantised, possibly
/// masked) update into N shards; the member assigned shard s pulls shard s from everyone, sums it mod
/// 2^32 and claims the sum; every member pulls every shard sum and checks it against the members'
/// answers to a random challenge (<see cref="SumChallenge"/>). A wrong sum is redone by each node that
/// finds it and its aggregator is named; a shard whose aggregator is gone passes to the next member.
/// A node receives about 2.3× the update size, whatever N. Control messages go over gossip.
/// </summary>
public sealed class ShardedAggregator : IDisposable
{
    private const int MaxSessions = 16;

    private readonly IDisposable _subscription;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AggregationSession> _sessions = new(StringComparer.Ordinal);
    private readonly Queue<string> _sessionOrder = new();

    public ShardedAggregator(NetworkNode node, ShardedAggregationOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        Options = options ?? new ShardedAggregationOptions();
        Options.Validate();
        Node = node;
        Time = time ?? TimeProvider.System;
        Logger = logger ?? NullLogger.Instance;
        _subscription = node.Subscribe(Options.Topic, OnMessage);
    }

    internal NetworkNode Node { get; }

    internal ShardedAggregationOptions Options { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    /// <summary>Tests only: what this node does to a shard sum of a session before claiming it (plays a lying aggregator, or dies there).</summary>
    internal Func<string, int, ShardSum, ShardSum>? Tamper { get; set; }

    /// <summary>
    /// This node's part in aggregation <paramref name="session"/> among <paramref name="participants"/> (this node
    /// included; every participant calls it with the same list and update length). Returns once every shard sum
    /// is verified: the same bits on every honest node.
    /// </summary>
    public Task<ShardedAggregationResult> RunAsync(string session, IReadOnlyList<NodeAddress> participants, uint[] update, CancellationToken ct = default)
    {
        var members = participants.Distinct().Order().ToArray();
        if (!members.Contains(Node.Address)) throw new ArgumentException($"this node ({Node.Address}) is not among the participants", nameof(participants));
        if (members.Length > ShardSum.MaxContributors) throw new ArgumentException($"at most {ShardSum.MaxContributors} participants, got {members.Length}", nameof(participants));
        if (update.Length < members.Length) throw new ArgumentException($"an update of {update.Length} elements cannot be cut into {members.Length} shards", nameof(update));
        return new ShardedRun(this, SessionOf(session), members, members.Length, update, null, null, ct).ExecuteAsync();
    }

    /// <summary>
    /// This node's part in aggregation <paramref name="session"/> over updates already cut and fixed (a round's
    /// commit set: each member's committed shard list). <paramref name="update"/> is this node's own update, whose
    /// shards it committed; every member's list has the same number of shards, which may exceed the members
    /// (a member then aggregates more than one). <paramref name="heldBy"/> names who else says it holds a shard blob (its
    /// keepers), asked for it beside the member and the shard's aggregator and backup. Returns once every shard sum is verified.
    /// </summary>
    /// <exception cref="ShardUnavailableException">A member is gone and no holder served one of its shards in time.</exception>
    public Task<ShardedAggregationResult> RunCommittedAsync(string session, IReadOnlyList<CommittedShards> committed, uint[] update, CancellationToken ct = default, Func<BlobId, IEnumerable<NodeAddress>>? heldBy = null)
    {
        var members = committed.Select(c => c.Member).Distinct().Order().ToArray();
        if (members.Length != committed.Count) throw new ArgumentException("a member's shards are listed twice", nameof(committed));
        if (!members.Contains(Node.Address)) throw new ArgumentException($"this node ({Node.Address}) is not among the participants", nameof(committed));
        if (members.Length > ShardSum.MaxContributors) throw new ArgumentException($"at most {ShardSum.MaxContributors} participants, got {members.Length}", nameof(committed));
        var shards = committed[0].Shards.Count;
        if (shards < 1 || committed.Any(c => c.Shards.Count != shards)) throw new ArgumentException("every member must commit the same number of shards (at least one)", nameof(committed));
        if (update.Length < shards) throw new ArgumentException($"an update of {update.Length} elements cannot be cut into {shards} shards", nameof(update));
        return new ShardedRun(this, SessionOf(session), members, shards, update, committed, heldBy, ct).ExecuteAsync();
    }

    public void Dispose() => _subscription.Dispose();

    /// <summary>Signs and gossips <paramref name="message"/>, and records it as heard (gossip does not deliver our own).</summary>
    internal string Publish(IShardMessage message)
    {
        var id = Node.Publish(Options.Topic, ShardMessageCodec.Encode(message));
        SessionOf(message.Session).Add(Node.Address, id, message);
        return id;
    }

    private void OnMessage(ControlMessage message)
    {
        IShardMessage decoded;
        try
        {
            decoded = ShardMessageCodec.Decode(message.Payload);
        }
        catch (InvalidDataException e)
        {
            Log.ShardMessageRefused(Logger, message.Origin, e.Message);
            return;
        }

        SessionOf(decoded.Session).Add(message.Origin, message.MessageId, decoded);
    }

    private AggregationSession SessionOf(string name)
    {
        lock (_lock)
        {
            if (_sessions.TryGetValue(name, out var session)) return session;
            // Keep a few recent sessions: messages for one can arrive before this node starts its part.
            if (_sessionOrder.Count == MaxSessions) _sessions.Remove(_sessionOrder.Dequeue());
            _sessionOrder.Enqueue(name);
            return _sessions[name] = new AggregationSession(name);
        }
    }
}
