using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FedChain.Node.Blobs;
using FedChain.Node.Identity;

namespace FedChain.Node.ShardedAggregation;

internal sealed partial class ShardedRun
{
    private static readonly byte[] ChallengeDomain = Encoding.UTF8.GetBytes("fedchain-shard-challenge-v1");

    private readonly ConcurrentDictionary<string, SumChallenge> _challenges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ShardSum?> _claimed = new(StringComparer.Ordinal);

    /// <summary>Pulls shard <paramref name="shard"/> of every member, sums it and claims the sum.</summary>
    private async Task ClaimAsync(int shard)
    {
        var sum = ShardSum.Of(await Task.WhenAll(_members.Select(m => ShardOfAsync(m, shard))), _layout.SizeOf(shard));
        if (_owner.Tamper is { } tamper) sum = tamper(_session.Name, shard, sum);
        var id = await _owner.Node.PublishBlobAsync(sum.Encode(), _ct);
        _owner.Publish(new ShardAggregated(_session.Name, shard, id, _participantsHash));
        Log.ShardClaimed(_owner.Logger, _session.Name, shard, id.ToString());
    }

    /// <summary>Sums the shard from the members' committed shard blobs, then names whoever the failed claims show lying.</summary>
    private async Task<ShardSum> RedoAsync(int shard)
    {
        var parts = await Task.WhenAll(_members.Select(m => ShardOfAsync(m, shard)));
        var truth = ShardSum.Of(parts, _layout.SizeOf(shard));
        foreach (var claim in _session.Claims().Where(c => c.Body.Shard == shard))
        {
            if (!_checks.TryGetValue(claim.MessageId, out var check) || !check.IsCompletedSuccessfully || check.Result is not null) continue;
            if (!_claimed.TryGetValue(claim.MessageId, out var claimed) || claimed is null || !claimed.Sum.AsSpan().SequenceEqual(truth.Sum) || !claimed.Carry.AsSpan().SequenceEqual(truth.Carry))
            {
                Name(claim.Origin, claim, FindingKind.WrongSum, "its shard sum differs from the sum of the members' committed shards");
            }

            var challenge = ChallengeFor(claim);
            for (var i = 0; i < _members.Length; i++)
            {
                if (_session.AnswerOf(claim.MessageId, _members[i]) is { } answer && answer != challenge.Answer(parts[i]))
                {
                    Name(_members[i], claim, FindingKind.FalseAnswer, "its challenge answer does not match its committed shard");
                }
            }
        }

        return truth;
    }

    private void Name(NodeAddress member, ShardClaim claim, FindingKind kind, string reason)
    {
        Log.AggregatorNamed(_owner.Logger, _session.Name, member, claim.Body.Shard, reason);
        lock (_findings) _findings.Add(new AggregatorFinding(member, claim.Body.Shard, claim.MessageId, claim.Body.Aggregate, kind, reason));
    }

    private uint[] OwnShard(int shard) => _update[_layout.RangeOf(shard)];

    private ulong OwnAnswer(ShardClaim claim) => ChallengeFor(claim).Answer(_update.AsSpan(_layout.RangeOf(claim.Body.Shard)));

    /// <summary>The claim's challenge: seeded by every member's binding (its signed shard list, or its commit) and the claim itself, so it is
    /// fixed only once the claimed sum is (random-oracle model: a lying aggregator must find a SHA-256 preimage
    /// landing its error in the kernel, probability 2^-61 per attempt).</summary>
    private SumChallenge ChallengeFor(ShardClaim claim) => _challenges.GetOrAdd(claim.MessageId, _ =>
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(ChallengeDomain);
        AppendText(hash, _session.Name);
        foreach (var member in _members) AppendText(hash, _bindings[member]);
        AppendText(hash, claim.MessageId);
        return SumChallenge.From(hash.GetHashAndReset(), _layout.SizeOf(claim.Body.Shard));
    });

    private static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }

    /// <summary>Member <paramref name="member"/>'s part of shard <paramref name="shard"/>: our own from memory, else its blob.</summary>
    private async Task<uint[]> ShardOfAsync(NodeAddress member, int shard)
    {
        if (member == _me) return OwnShard(shard);
        var id = _shardIds[member][shard];
        // Its owner holds it, so does the shard's aggregator once it has pulled it, and so do the keepers that said so (after an
        // exclusion the shard's aggregator and backup may be others than the keeper that pulled it).
        IEnumerable<NodeAddress> holders = [member, Candidate(shard, 0), Candidate(shard, 1), .. _heldBy?.Invoke(id) ?? []];
        var elements = ShardVector.Read((await BlobAsync(id, $"shard {shard} of {member}", [.. holders.Distinct()], _owner.Options.WithholdShards, (member, shard))).Span);
        if (elements.Length != _layout.SizeOf(shard))
        {
            throw new InvalidDataException($"aggregation {_session.Name}: shard {shard} of {member} has {elements.Length} elements, expected {_layout.SizeOf(shard)}");
        }

        return elements;
    }

    /// <param name="withhold">Store it unannounced (a shard: it goes no further than this node).</param>
    /// <param name="part">The member and shard whose part this is: once the member is gone, its other holders have
    /// <see cref="ShardedAggregationOptions.GoneMemberShardTimeout"/> to serve it, or the part is unavailable.</param>
    private async Task<ReadOnlyMemory<byte>> BlobAsync(BlobId id, string what, IReadOnlyList<NodeAddress> holders, bool withhold = false, (NodeAddress Member, int Shard)? part = null)
    {
        if (!_owner.Node.HasBlob(id))
        {
            using var timeout = new CancellationTokenSource(_owner.Options.FetchTimeout, _owner.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_ct, timeout.Token);
            var others = holders.Where(h => h != _me);
            var fetch = withhold ? _owner.Node.FetchUnannouncedBlobAsync(id, others, linked.Token) : _owner.Node.FetchBlobAsync(id, others, linked.Token);
            try
            {
                DateTimeOffset? goneSince = null;
                while (!fetch.IsCompleted)
                {
                    var now = _owner.Time.GetUtcNow();
                    goneSince = part is { } p && _owner.Options.WithholdShards && !_owner.Node.IsConnected(p.Member) ? goneSince ?? now : null;
                    if (now - goneSince >= _owner.Options.GoneMemberShardTimeout)
                    {
                        await linked.CancelAsync();
                        throw new ShardUnavailableException(_session.Name, part!.Value.Member, part.Value.Shard, _owner.Options.GoneMemberShardTimeout);
                    }

                    await Task.WhenAny(fetch, Tick());
                    _ct.ThrowIfCancellationRequested();
                }

                await fetch;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_ct.IsCancellationRequested)
            {
                throw new TimeoutException($"aggregation {_session.Name}: no peer served {what} (blob {id}) within {_owner.Options.FetchTimeout}");
            }
            finally
            {
                // A fetch given up on still ends (cancelled): observe it, so its fault is not left unseen.
                if (!fetch.IsCompleted) _ = fetch.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }

        return await _owner.Node.ReadOnlyBlobAsync(id, _ct);
    }
}
