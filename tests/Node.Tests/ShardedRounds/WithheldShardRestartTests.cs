using FedChain.Node.Tests.Support;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>A node restarted mid-plan keeps its older point-to-point shards: served to whoever asks by id, still never announced.</summary>
public sealed class WithheldShardRestartTests
{
    [Fact]
    public async Task RestartedNode_ServesItsOlderShardsById_AndStillWithholdsThem()
    {
        await using var cluster = await LoopbackCluster.StartAsync(2);
        var shard = await cluster[0].PublishUnannouncedBlobAsync(new byte[4096]);

        await cluster.StopNodeAsync(0);
        var sut = await cluster.StartNodeAsync(0);
        await cluster.WaitUntilAsync(() => sut.ConnectedPeers.Count == 1, "the restarted node linked to its peer");
        await cluster[1].FetchUnannouncedBlobAsync(shard, [sut.Address]).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(cluster[1].HasBlob(shard));
        Assert.True(sut.Store.IsWithheld(shard));
        Assert.True(cluster[1].Store.IsWithheld(shard));
    }
}
