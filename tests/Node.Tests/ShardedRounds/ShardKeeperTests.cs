using FedChain.Node.Blobs;
using FedChain.Node.Identity;
using FedChain.Node.ShardedRounds;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>Who keeps a member's point-to-point shard before the aggregation, and the signed word that says so.</summary>
public sealed class ShardKeeperTests
{
    private static readonly NodeAddress[] Order = [.. Enumerable.Range(1, 4).Select(i => NodeAddress.FromBytes([.. Enumerable.Repeat((byte)i, 20)]))];

    [Fact]
    public void Keeper_IsTheAggregator_OrTheFirstBackupForTheMembersOwnShard()
    {
        var member = Order[1];

        var keepers = Enumerable.Range(0, 4).Select(s => ShardedCommit.Keeper(member, Order, s, _ => true)).ToList();

        Assert.Equal([Order[0], Order[2], Order[2], Order[3]], keepers);
    }

    [Fact]
    public void Keeper_PassesToTheNextInLine_WhenTheKeeperIsGone()
    {
        var (member, gone) = (Order[1], Order[2]);

        var keepers = Enumerable.Range(0, 4).Select(s => ShardedCommit.Keeper(member, Order, s, a => a != gone)).ToList();

        Assert.Equal([Order[0], Order[3], Order[3], Order[3]], keepers);
    }

    [Fact]
    public void Keeper_IsNull_WhenTheMemberIsAlone()
    {
        Assert.Null(ShardedCommit.Keeper(Order[0], [Order[0]], 0, _ => true));
    }

    [Fact]
    public void ShardsHeld_RoundTrips_ThroughItsExactBytes()
    {
        var ids = new[] { BlobId.Compute([1]), BlobId.Compute([2]) };
        var sut = new ShardsHeld("plan-1/round-2", ids);

        var bytes = sut.Encode();
        var back = ShardsHeld.Decode(bytes);

        // fixarray 2, fixstr 14 "plan-1/round-2", bin8 64 and the two ids.
        Assert.Equal([0x92, 0xae, .. "plan-1/round-2"u8.ToArray(), 0xc4, 64, .. ids[0].ToBytes(), .. ids[1].ToBytes()], bytes);
        Assert.Equal(sut.Session, back.Session);
        Assert.Equal(ids, back.Shards);
    }

    [Fact]
    public void ShardsHeld_Decode_RefusesTrailingBytesAndBadLists()
    {
        var good = new ShardsHeld("s", [BlobId.Compute([1])]).Encode();

        Assert.Throws<InvalidDataException>(() => ShardsHeld.Decode((byte[])[.. good, 0]));
        Assert.Throws<InvalidDataException>(() => ShardsHeld.Decode((byte[])[0x92, 0xa1, (byte)'s', 0xc4, 3, 1, 2, 3]));
        Assert.Throws<InvalidDataException>(() => ShardsHeld.Decode((byte[])[0x91, 0xa1, (byte)'s']));
    }

    [Fact]
    public void Malformation_NamesAShardOfTheWrongSize_AndPassesTheRightOne()
    {
        Assert.Null(ShardedCommit.Malformation(new byte[3 * 4], wireLength: 10, shards: 3, shard: 0));
        Assert.Contains("8 bytes, expected 12", ShardedCommit.Malformation(new byte[2 * 4], wireLength: 10, shards: 3, shard: 0), StringComparison.Ordinal);
    }
}
