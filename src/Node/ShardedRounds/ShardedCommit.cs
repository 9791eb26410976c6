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
    /// each goes only to the members that pull it by id); the envelope body listing them.</summary>
    public static async Task<byte[]> PublishAsync(Network.NetworkNode network, uint[] words, int shards, bool withhold, CancellationToken ct)
    {
        var ids = new List<BlobId>();
        foreach (var shard in Cut(words, shards)) ids.Add(withhold ? await network.PublishUnannouncedBlobAsync(shard, ct) : await network.PublishBlobAsync(shard, ct));
        return ShardMessageCodec.EncodeShardList(ids);
    }

    /// <summary>The envelope body listing <paramref name="words"/>' shards, none of them published (a test's withholding member).</summary>
    public static byte[] ListOnly(uint[] words, int shards) => ShardMessageCodec.EncodeShardList([.. Cut(words, shards).Select(b => BlobId.Compute(b))]);

    private static IEnumerable<byte[]> Cut(uint[] words, int shards)
    {
        if (words.Length < shards) throw new InvalidOperationException($"an update of {words.Length} words cannot be cut into {shards} shards (one per participant)");
        var layout = new ShardLayout(words.Length, shards);
        for (var s = 0; s < shards; s++) yield return ShardVector.Encode(words.AsSpan(layout.RangeOf(s)));
    }

    /// <summary>The shards of <paramref name="member"/>'s update that <paramref name="me"/> holds before the aggregation starts, when
    /// <paramref name="members"/> commit <paramref name="shards"/> shards each: those it aggregates (shard s goes to the (s mod N)-th
    /// member in address order, as <see cref="ShardedAggregator.RunCommittedAsync"/> assigns them) and, as the first backup of a shard
    /// the member aggregates, the member's own part of it, which nobody else pulls (so the shard can be redone if the member dies).</summary>
    public static IEnumerable<int> HeldBy(Identity.NodeAddress me, Identity.NodeAddress member, IEnumerable<Identity.NodeAddress> members, int shards)
    {
        var order = members.Distinct().Order().ToList();
        if (!order.Contains(me)) yield break;
        for (var s = 0; s < shards; s++)
        {
            var (aggregator, backup) = (order[s % order.Count], order[(s + 1) % order.Count]);
            if (aggregator == me || (backup == me && aggregator == member)) yield return s;
        }
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

    /// <summary>Whether <paramref name="plan"/> collects its training rounds by sharded aggregation.</summary>
    public static bool IsSharded(TrainingPlan plan) => plan.Collection is { Mode: Learning.Collection.CollectionMode.Sharded };
}
