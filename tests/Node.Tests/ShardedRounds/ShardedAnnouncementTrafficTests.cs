using Xunit.Abstractions;
using FedChain.Node.Blobs;
using FedChain.Node.Gossip;
using FedChain.Node.Network;
using FedChain.Node.ShardedAggregation;
using FedChain.Node.Tests.Support;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>
/// Announcements a node receives in one sharded round with the node's blob and gossip settings, on a full mesh of links:
/// blob announcements (BlobHave) of the round's announced blobs (each member's shard list and shard sum) and gossip ids
/// (IHAVE) of its control messages. Both grow with the blobs and messages, about N each, not with N² as when every
/// holder told every peer of every blob and every node announced every message to its mesh as it came.
/// </summary>
public sealed class ShardedAnnouncementTrafficTests(ITestOutputHelper output)
{
    private const int Nodes = 12;
    private const int Elements = 12_000;

    /// <summary>A BlobHave of one blob, with its frame header: 42 bytes.</summary>
    private const int BlobHaveBytes = 48;

    [Fact]
    public async Task ShardedRound_FullMesh_EachNodeReceivesAFewAnnouncementsPerBlobAndMessage()
    {
        await using var cluster = await LoopbackCluster.StartAsync(Nodes);
        var nodes = cluster.Running.ToList();
        await cluster.WaitUntilAsync(() => nodes.All(n => n.ConnectedPeers.Count == Nodes - 1), "a full mesh of connections");
        var aggregators = nodes.Select(n => new ShardedAggregator(n)).ToList();
        try
        {
            var random = new Random(29);
            var updates = nodes.Select(_ => Enumerable.Range(0, Elements).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray()).ToList();
            var before = nodes.Select(Announcements).ToList();
            var published = nodes.Select(n => n.Metrics.Event("gossip.published")).ToList();

            await CommittedRound.RunAsync(cluster, nodes, aggregators, updates, withhold: true);
            // Announcements held for the heartbeat: every node's next two are done, so all of them are in.
            var beats = nodes.Select(n => n.Metrics.Event("gossip.heartbeats")).ToList();
            await cluster.WaitUntilAsync(() => nodes.Select((n, i) => n.Metrics.Event("gossip.heartbeats") - beats[i]).All(b => b >= 2), "two more heartbeats on every node");

            var received = nodes.Select((n, i) => (BlobHave: Announcements(n).BlobHave - before[i].BlobHave, IHave: Announcements(n).IHave - before[i].IHave)).ToList();
            var messages = nodes.Select((n, i) => n.Metrics.Event("gossip.published") - published[i]).Sum();
            var (blobHave, ihave) = (received.Average(r => r.BlobHave), received.Average(r => r.IHave));
            output.WriteLine($"N = {Nodes}: per node BlobHave {blobHave:F0} bytes (max {received.Max(r => r.BlobHave)}), IHave {ihave:F0} bytes (max {received.Max(r => r.IHave)}); {messages} gossip messages");

            // Each of the 2N announced blobs: its publisher's word, and at most RelayAnnounceDegree (6) words of each
            // downloader shared among the N - 1 others. Measured 6,658 to 6,862 bytes; 12,144 (N words of each blob,
            // 42 bytes a word) when every holder told every peer.
            Assert.InRange(blobHave, 1, 2 * Nodes * (new BlobOptions().RelayAnnounceDegree + 1) * BlobHaveBytes);
            // Each message's 34-byte id from at most every mesh peer (D_hi = 12), batched at the heartbeat. Measured 7.4
            // to 8 ids a message (the mesh is every node at N = 12: each pair's first heartbeat tells the other); 10.4
            // when every node announced each message to its mesh as it came and in the heartbeat's lazy gossip besides.
            Assert.InRange(ihave, 1, messages * new GossipOptions().MeshDegreeHigh * 34);
        }
        finally
        {
            foreach (var aggregator in aggregators) aggregator.Dispose();
        }
    }

    private static (long BlobHave, long IHave) Announcements(NetworkNode node) =>
        (node.Metrics.FrameBytesIn(MessageCode.BlobHave), node.Metrics.FrameBytesIn(MessageCode.IHave));
}
