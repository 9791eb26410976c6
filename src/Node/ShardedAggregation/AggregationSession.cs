using FedChain.Node.Identity;

namespace FedChain.Node.ShardedAggregation;

/// <summary>What one node has heard of one aggregation: each member's shard list, the shard claims, and the
/// challenge answers per claim. Messages may arrive before the node starts its part; all state is under one lock.</summary>
internal sealed class AggregationSession(string name)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<NodeAddress, (string MessageId, ShardsPublished Body)> _manifests = [];
    private readonly List<ShardClaim> _claims = [];
    private readonly Dictionary<string, Dictionary<NodeAddress, ulong>> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(HashSet<NodeAddress> Pending, TaskCompletionSource Done)>> _answerWaits = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();

    public string Name { get; } = name;

    /// <summary>Completes at the next change; take it before reading, then wait on it.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock) return _changed.Task;
        }
    }

    public void Add(NodeAddress origin, string messageId, IShardMessage message)
    {
        lock (_lock)
        {
            switch (message)
            {
                // The first shard list a member signs is its own; a second one is ignored (the chain's commit decides in a node).
                case ShardsPublished published:
                    _manifests.TryAdd(origin, (messageId, published));
                    break;
                case ShardAggregated claim:
                    if (!_claims.Exists(c => c.MessageId == messageId)) _claims.Add(new ShardClaim(messageId, origin, claim));
                    break;
                case ChallengeAnswers answers:
                    foreach (var answer in answers.Answers)
                    {
                        if (!_answers.TryGetValue(answer.Claim, out var byMember)) _answers[answer.Claim] = byMember = [];
                        if (byMember.TryAdd(origin, answer.Value)) Answered(answer.Claim, origin);
                    }

                    break;
            }

            var changed = _changed;
            _changed = NewSignal();
            changed.TrySetResult();
        }
    }

    public (string MessageId, ShardsPublished Body)? ManifestOf(NodeAddress member)
    {
        lock (_lock) return _manifests.TryGetValue(member, out var m) ? m : null;
    }

    public IReadOnlyList<ShardClaim> Claims()
    {
        lock (_lock) return [.. _claims];
    }

    /// <summary>Member <paramref name="member"/>'s answer to the claim with message id <paramref name="claim"/>, if heard.</summary>
    public ulong? AnswerOf(string claim, NodeAddress member)
    {
        lock (_lock) return _answers.TryGetValue(ChallengeAnswer.RefOf(claim), out var byMember) && byMember.TryGetValue(member, out var v) ? v : null;
    }

    /// <summary>Which of <paramref name="members"/> have not answered the claim with message id <paramref name="claim"/> yet.</summary>
    public IReadOnlyList<NodeAddress> Unanswered(string claim, IEnumerable<NodeAddress> members)
    {
        var key = ChallengeAnswer.RefOf(claim);
        lock (_lock) return [.. Silent(key, members)];
    }

    /// <summary>Completes once every one of <paramref name="members"/> has answered the claim with message id <paramref name="claim"/>:
    /// a check waits on this rather than re-reading every answer at each of the session's changes, which at N = 50
    /// were N checks times N members times hundreds of changes per node.</summary>
    public Task AllAnsweredAsync(string claim, IEnumerable<NodeAddress> members)
    {
        var key = ChallengeAnswer.RefOf(claim);
        lock (_lock)
        {
            var pending = Silent(key, members).ToHashSet();
            if (pending.Count == 0) return Task.CompletedTask;
            var done = NewSignal();
            if (!_answerWaits.TryGetValue(key, out var waits)) _answerWaits[key] = waits = [];
            waits.Add((pending, done));
            return done.Task;
        }
    }

    /// <summary>Under the lock: which of <paramref name="members"/> have not answered claim <paramref name="key"/>.</summary>
    private IEnumerable<NodeAddress> Silent(string key, IEnumerable<NodeAddress> members)
    {
        var heard = _answers.GetValueOrDefault(key);
        return members.Where(m => heard?.ContainsKey(m) != true);
    }

    /// <summary>Under the lock: <paramref name="member"/> answered claim <paramref name="key"/>; ends the waits it was the last for.</summary>
    private void Answered(string key, NodeAddress member)
    {
        if (!_answerWaits.TryGetValue(key, out var waits)) return;
        foreach (var wait in waits.Where(w => w.Pending.Remove(member) && w.Pending.Count == 0).ToList())
        {
            wait.Done.TrySetResult();
            waits.Remove(wait);
        }

        if (waits.Count == 0) _answerWaits.Remove(key);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
