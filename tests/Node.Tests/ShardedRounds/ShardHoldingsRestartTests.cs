using FedChain.Node.Blobs;
using FedChain.Node.ShardedRounds;
using FedChain.Node.Tests.Support;
using FedChain.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>A node restarted while a round is open still knows which keeper said it holds which part: it kept what it heard.</summary>
public sealed class ShardHoldingsRestartTests
{
    [Fact]
    public async Task RestartedNode_KnowsTheWordsItHeardBeforeTheRestart_WithoutHearingThemAgain()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "shard-holdings.log");
        await using var cluster = await LoopbackCluster.StartAsync(2);
        await cluster.WaitUntilAsync(() => cluster[0].ConnectedPeers.Count == 1, "the two nodes linked");
        var (session, part, owner) = ("plan-1/round-2", BlobId.Compute([1, 2, 3]), cluster[0].Address);
        var keeper = cluster[1].Address;
        using var keeperHoldings = new ShardHoldings(cluster[1], cluster.Time, NullLogger.Instance);
        var heard = new ShardHoldings(cluster[0], cluster.Time, NullLogger.Instance, file);
        // Subscribed after it: gossip calls a topic's handlers in order, so this one runs once the word is taken in.
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = cluster[0].Subscribe(ShardHoldings.Topic, _ => delivered.TrySetResult());
        keeperHoldings.Tell(session, [part]);
        await delivered.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(heard.HeldElsewhere(session, part, owner));

        watch.Dispose();
        heard.Dispose();
        await cluster.StopNodeAsync(0);
        var restarted = await cluster.StartNodeAsync(0);
        using var sut = new ShardHoldings(restarted, cluster.Time, NullLogger.Instance, file);

        Assert.True(sut.HeldElsewhere(session, part, owner));
        Assert.Equal([keeper], sut.HoldersOf(session, part));
        Assert.False(sut.HeldElsewhere(session, BlobId.Compute([4]), owner));
    }

    [Fact]
    public async Task ARecordCutMidLine_IsSkipped_AndTheWordsBeforeItStillCount()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "shard-holdings.log");
        await using var cluster = await LoopbackCluster.StartAsync(1);
        var keeper = FedChain.Node.Identity.NodeKey.Generate().Address;
        var part = BlobId.Compute([9]);
        await File.WriteAllTextAsync(file, $"{keeper}\t{Convert.ToBase64String(new ShardsHeld("s", [part]).Encode())}\n{keeper}\tkQ");

        using var sut = new ShardHoldings(cluster[0], cluster.Time, NullLogger.Instance, file);

        Assert.Equal([keeper], sut.HoldersOf("s", part));
        Assert.Single(File.ReadAllLines(file));
    }
}
