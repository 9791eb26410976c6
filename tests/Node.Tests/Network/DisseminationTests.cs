using FedChain.Node.Blobs;
using FedChain.Node.Tests.Support;

namespace FedChain.Node.Tests.Network;

/// <summary>Whole-network behaviour on loopback: every node ends with every blob and every message.</summary>
public sealed class DisseminationTests
{
    /// <summary>Over ChunkLayout.WholeMaxBytes, so cut in 64 KiB chunks (17), each of which may come from another holder.</summary>
    private const int BlobSize = 1_100_000;

    [Fact]
    public async Task PublishBlob_TenNodesAllToAll_EveryNodeEndsWithEveryBlob()
    {
        await using var cluster = await LoopbackCluster.StartAsync(10);
        var nodes = cluster.Running.ToList();
        await cluster.WaitUntilAsync(() => nodes.All(n => n.ConnectedPeers.Count == 9), "a full mesh of connections");

        var random = new Random(5);
        var ids = new List<BlobId>();
        foreach (var node in nodes)
        {
            var content = new byte[BlobSize];
            random.NextBytes(content);
            ids.Add(await node.PublishBlobAsync(content));
        }

        await cluster.WaitUntilAsync(() => nodes.All(n => ids.All(n.HasBlob)), "all ten blobs on all ten nodes");
        foreach (var node in nodes)
        {
            foreach (var id in ids) Assert.Equal(id, BlobId.Compute(await node.ReadBlobAsync(id)));
        }

        // Pulled, not pushed: each node fetched each foreign blob's 17 chunks once.
        Assert.All(nodes, n => Assert.Equal(9 * ChunkLayout.Count(BlobSize, BlobStore.DefaultChunkSize), n.Metrics.Event("blob.chunks_fetched")));
    }

    [Fact]
    public async Task Publish_TenNodes_EveryOtherNodeDeliversTheMessageOnce()
    {
        await using var cluster = await LoopbackCluster.StartAsync(10);
        var nodes = cluster.Running.ToList();
        await cluster.WaitUntilAsync(() => nodes.All(n => n.ConnectedPeers.Count == 9), "a full mesh of connections");
        var deliveries = new int[10];
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = 0;
        for (var i = 1; i < 10; i++)
        {
            var index = i;
            nodes[i].Subscribe("round", m =>
            {
                Assert.Equal(nodes[0].Address, m.Origin);
                Interlocked.Increment(ref deliveries[index]);
                if (Interlocked.Increment(ref received) == 9) all.TrySetResult();
            });
        }

        nodes[0].Publish("round", "commit 7"u8.ToArray());
        await all.Task.WaitAsync(TimeSpan.FromSeconds(20));
        // Let duplicates arrive through the mesh: a later message from another origin proves earlier ones were processed.
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var markers = 0;
        foreach (var node in nodes.Skip(2)) node.Subscribe("marker", _ => { if (Interlocked.Increment(ref markers) == 8) marker.TrySetResult(); });
        nodes[1].Publish("marker", new byte[] { 1 });
        await marker.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.All(deliveries.Skip(1), d => Assert.Equal(1, d));
        Assert.All(nodes, n => Assert.InRange(n.MeshPeers.Count, 1, 12));
    }
}
