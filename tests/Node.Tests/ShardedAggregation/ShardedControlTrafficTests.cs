using Xunit.Abstractions;
using FedChain.Node.Network;
using FedChain.Node.ShardedAggregation;
using FedChain.Node.Tests.Support;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Tests.ShardedAggregation;

/// <summary>
/// Control bytes (every frame but chunk data) a node receives in one sharded aggregation, at two consortium sizes,
/// with the default gossip mesh (D = 6, up to 12) on a full mesh of links.
/// </summary>
public sealed class ShardedControlTrafficTests(ITestOutputHelper output)
{
    private const int Elements = 30_000;

    /// <summary>What a node cannot avoid receiving from each other member is one copy of its shard list and of its
    /// answers to the N claims: 32 + 24 bytes per entry, N entries each. The bound allows two copies of them, plus
    /// 4 KiB per member for the fixed part of its messages (topic, seqno, timestamp, 65-byte signature), their ids
    /// announced by up to D_hi = 12 mesh peers, its claim, and the manifest and chunk requests of the blobs pulled
    /// from it. With every message pushed on by each mesh peer (D + 1 copies, as before lazy forwarding) nodes received
    /// 1.2x to 2.0x this bound at N = 10 (57,698 to 91,917 bytes) and 0.6x at N = 4: the copies grow with N until the
    /// mesh is full.</summary>
    private static long Bound(int members) => (members - 1) * ((2 * (32 + 24) * (long)members) + 4096);

    [Theory]
    [InlineData(4)]
    [InlineData(10)]
    public async Task RunAsync_ControlBytesPerNode_StayUnderOneCopyOfEachMembersListsPerNode(int members)
    {
        await using var cluster = await LoopbackCluster.StartAsync(members);
        var nodes = cluster.Running.ToList();
        await cluster.WaitUntilAsync(() => nodes.All(n => n.ConnectedPeers.Count == members - 1), "a full mesh of connections");
        var addresses = nodes.Select(n => n.Address).ToList();
        var aggregators = nodes.Select(n => new ShardedAggregator(n)).ToList();
        try
        {
            var random = new Random(members);
            var updates = nodes.Select(_ => Enumerable.Range(0, Elements).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray()).ToList();
            var before = nodes.Select(Control).ToList();

            var results = await Task.WhenAll(aggregators.Select((a, i) => a.RunAsync("plan-1/round-1", addresses, updates[i])));

            Assert.All(results, r => Assert.Equal(results[0].Sum, r.Sum));
            Assert.All(results, r => Assert.Empty(r.Findings));
            var control = nodes.Select((n, i) => Control(n) - before[i]).ToList();
            output.WriteLine($"N = {members}: control bytes received per node {string.Join(", ", control)}; bound {Bound(members)}");
            Assert.All(control, bytes => Assert.InRange(bytes, 1, Bound(members)));
        }
        finally
        {
            foreach (var aggregator in aggregators) aggregator.Dispose();
        }
    }

    private static long Control(NetworkNode node) =>
        node.Metrics.Snapshot().FrameBytesIn.Where(kv => kv.Key != MessageCode.Chunk).Sum(kv => kv.Value);
}
