using FedChain.Learning.Plans;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;
using FedChain.Node.ShardedAggregation;

namespace FedChain.Node.ShardedRounds;

/// <summary>
/// A sharded plan's training commit: the signed envelope's body lists the member's shard blobs (one per plan
/// participant, <see cref="ShardLayout"/> of the committed words), so the chain's hash pins every shard. Nodes
/// that take part sum them shard by shard; a node that does not, and the auditor, put each member's words
/// back together from its shards and sum them as full replication does: the same bits.
/// </summary>
public static class ShardedCommit
{
    /// <summary>The member's shards as the aggregation takes them: bound by its committed blob's hash.</summary>
    public static CommittedShards Of(AcceptedBlob accepted) =>
        new(accepted.Member, accepted.BlobHash, ShardMessageCodec.DecodeShardList(accepted.Envelope.Body));

    /// <summary>Publishes <paramref name="words"/> as <paramref name="shards"/> shard blobs (unannounced when <paramref name="withhold"/>:
    /// each goes only to the members that pull it by id); the envelope body listing them. <paramref name="alter"/> (tests' misbehaviour)
    /// gives each shard's published bytes from its index and true bytes: null lists the shard without publishing it.</summary>
    public static async Task<byte[]> PublishAsync(Network.NetworkNode network, uint[] words, int shards, bool withhold, CancellationToken ct, Func<int, byte[], byte[]?>? alter = null)
    {
        // All at once, as the aggregation publishes its own shards: appends that arrive together share one fsync.
        var ids = await Task.WhenAll(Cut(words, shards).Select((shard, s) =>
        {
            var published = alter is null ? shard : alter(s, shard);
            if (published is null) return Task.FromResult(BlobId.Compute(shard));
            return withhold ? network.PublishUnannouncedBlobAsync(published, ct) : network.PublishBlobAsync(published, ct);
        }));
        return ShardMessageCodec.EncodeShardList(ids);
    }

    private static IEnumerable<byte[]> Cut(uint[] words, int shards)
    {
        if (words.Length < shards) throw new InvalidOperationException($"an update of {words.Length} words cannot be cut into {shards} shards (one per participant)");
        var layout = new ShardLayout(words.Length, shards);
        for (var s = 0; s < shards; s++) yield return ShardVector.Encode(words.AsSpan(layout.RangeOf(s)));
    }

    /// <summary>
    /// The node other than <paramref name="member"/> that keeps its shard <paramref name="shard"/> before the aggregation, among
    /// <paramref name="order"/> (the round's members in address order), as a node that sees only the members <paramref name="up"/>
    /// says are connected sees it: the first of the shard's candidates (its aggregator, then the members after it, as the aggregation
    /// passes a shard on) that is not the member and is up. So a shard's keeper is its aggregator, or its first backup for the shard
    /// the member aggregates itself, or the next one when that one is gone. Null when the member is alone.
    /// </summary>
    public static Identity.NodeAddress? Keeper(Identity.NodeAddress member, IReadOnlyList<Identity.NodeAddress> order, int shard, Func<Identity.NodeAddress, bool> up)
    {
        for (var k = 0; k < order.Count; k++)
        {
            var candidate = order[(shard + k) % order.Count];
            if (candidate != member && up(candidate)) return candidate;
        }

        return null;
    }

    /// <summary>Why shard <paramref name="shard"/>'s bytes are not a shard of the layout of <paramref name="wireLength"/> words in
    /// <paramref name="shards"/> shards; null when they are.</summary>
    public static string? Malformation(ReadOnlySpan<byte> bytes, int wireLength, int shards, int shard)
    {
        var expected = new ShardLayout(wireLength, shards).SizeOf(shard) * 4L;
        return bytes.Length == expected ? null : $"{bytes.Length} bytes, expected {expected} ({expected / 4} words)";
    }

    /// <summary>The member's committed words from its shard blobs' bytes, in shard order.</summary>
    /// <exception cref="InvalidDataException">A shard does not have the size its place in the layout gives.</exception>
    public static uint[] Words(CommittedShards committed, IReadOnlyList<byte[]> shardBlobs, int wireLength)
    {
        var layout = new ShardLayout(wireLength, committed.Shards.Count);
        var words = new uint[wireLength];
        for (var s = 0; s < layout.Count; s++)
        {
            var shard = ShardVector.Read(shardBlobs[s]);
            if (shard.Length != layout.SizeOf(s))
                throw new InvalidDataException($"shard {s} of {committed.Member} ({committed.Shards[s]}) has {shard.Length} words, expected {layout.SizeOf(s)}");
            shard.CopyTo(words, layout.Start(s));
        }

        return words;
    }

    /// <summary>The accepted commit with its words in place of its shard list, as a fully replicated commit holds them.</summary>
    public static AcceptedBlob Assembled(AcceptedBlob accepted, uint[] words) =>
        accepted with { Envelope = accepted.Envelope with { Body = EnvelopeBodies.Update(words) } };

    /// <summary>The session name every participant of the round uses.</summary>
    public static string Session(System.Numerics.BigInteger planId, int round) => $"plan-{planId}/round-{round}";

    /// <summary>The name of the round's aggregation over a set of <paramref name="members"/>: a set shrunk by an exclusion
    /// is a new aggregation (the set only shrinks, so its size names it), whose claims cover the new participants.</summary>
    public static string AggregationSession(System.Numerics.BigInteger planId, int round, int members) => $"{Session(planId, round)}/of-{members}";

    /// <summary>Whether <paramref name="session"/> is an aggregation of round <paramref name="round"/>, over any set.</summary>
    public static bool IsAggregationOf(string session, System.Numerics.BigInteger planId, int round) =>
        session.StartsWith(Session(planId, round) + "/", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="plan"/> collects its training rounds by sharded aggregation.</summary>
    public static bool IsSharded(TrainingPlan plan) => plan.Collection is { Mode: Learning.Collection.CollectionMode.Sharded };
}
