using FedChain.Node.Identity;
using FedChain.Node.ShardedRounds;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>Who keeps a member's point-to-point shard before the aggregation (the signed word that says so: <c>ShardsHeldTests</c>).</summary>
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
    public void Malformation_NamesAShardOfTheWrongSize_AndPassesTheRightOne()
    {
        Assert.Null(ShardedCommit.Malformation(new byte[3 * 4], wireLength: 10, shards: 3, shard: 0));
        Assert.Contains("8 bytes, expected 12", ShardedCommit.Malformation(new byte[2 * 4], wireLength: 10, shards: 3, shard: 0), StringComparison.Ordinal);
    }
}
