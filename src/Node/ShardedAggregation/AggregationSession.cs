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
                        byMember.TryAdd(origin, answer.Value);
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

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
