using Xunit.Abstractions;
using FedChain.Node.ShardedAggregation;
using FedChain.Node.Tests.Support;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>
/// What a node receives in a sharded round with the node's blob settings (every announced blob replicated): each
/// member publishes its shards and the list it would commit, the list replicates, the members aggregate. Shards
/// stay unannounced, so each reaches its aggregator alone; shard sums reach everyone.
/// </summary>
public sealed class ShardedCommitTrafficTests(ITestOutputHelper output)
{
    private const int Nodes = 8;
    private const int Elements = 60_000;
    private const long UpdateBytes = Elements * 4L;

    /// <summary>TLS records, gossip (claims, answers) and announcements, received per node in one round; measured about 45 KB at N = 8.</summary>
    private const long Overhead = 128 * 1024;

    [Fact]
    public async Task ShardedRound_WithheldShards_EachNodeReceivesAtMostThreeUpdatesPlusOverhead()
    {
        var received = await ReceivedPerNodeAsync(withhold: true);

        Assert.All(received, bytes => Assert.InRange(bytes, UpdateBytes, (3 * UpdateBytes) + Overhead));
    }

    /// <summary>The contrast the bound above rests on: announced shards replicate to every member, (N - 1) updates each.</summary>
    [Fact]
    public async Task ShardedRound_AnnouncedShards_EachNodeReceivesEveryOtherUpdate()
    {
        var received = await ReceivedPerNodeAsync(withhold: false);

        Assert.All(received, bytes => Assert.True(bytes >= (Nodes - 1) * UpdateBytes, $"{bytes:N0} bytes received, fewer than {Nodes - 1} updates of {UpdateBytes:N0}"));
    }

    private async Task<IReadOnlyList<long>> ReceivedPerNodeAsync(bool withhold)
    {
        await using var cluster = await LoopbackCluster.StartAsync(Nodes);
        var nodes = cluster.Running.ToList();
        await cluster.WaitUntilAsync(() => nodes.All(n => n.ConnectedPeers.Count == Nodes - 1), "a full mesh of connections");
        var aggregators = nodes.Select(n => new ShardedAggregator(n, new ShardedAggregationOptions { WithholdShards = withhold })).ToList();
        try
        {
            var random = new Random(23);
            var updates = nodes.Select(_ => Enumerable.Range(0, Elements).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray()).ToList();
            var before = nodes.Select(n => n.Metrics.TransportBytesIn).ToList();

            var (_, committed) = await CommittedRound.RunAsync(cluster, nodes, aggregators, updates, withhold);

            // Announced shards replicate on after the sum is agreed: count them once they are everywhere.
            if (!withhold) await cluster.WaitUntilAsync(() => nodes.All(n => committed.All(c => c.Shards.All(n.HasBlob))), "every shard on every node");
            var received = nodes.Select((n, i) => n.Metrics.TransportBytesIn - before[i]).ToList();
            output.WriteLine($"withhold {withhold}: received per node {string.Join(", ", received.Select(b => $"{(double)b / UpdateBytes:F2}x"))} of a {UpdateBytes:N0}-byte update");
            return received;
        }
        finally
        {
            foreach (var aggregator in aggregators) aggregator.Dispose();
        }
    }
}
