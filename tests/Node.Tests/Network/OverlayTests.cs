using FedChain.Node.Blobs;
using FedChain.Node.Identity;
using FedChain.Node.Tests.Support;

namespace FedChain.Node.Tests.Network;

/// <summary>A bounded-degree overlay: each node keeps at most MaxPeers links, yet blobs and gossip reach everyone over several hops.</summary>
public sealed class OverlayTests
{
    private const int Nodes = 16;
    private const int MaxPeers = 6;

    [Fact]
    public async Task MaxPeers_SixteenNodes_NoNodeHoldsMoreLinksAndEveryBlobAndMessageArrives()
    {
        var most = 0;
        await using var cluster = await LoopbackCluster.StartAsync(Nodes, o => o.MaxPeers = MaxPeers);
        var nodes = cluster.Running.ToList();
        void Sample(object? sender, EventArgs e)
        {
            var count = nodes.Max(n => n.ConnectedPeers.Count);
            int seen;
            do seen = most; while (count > seen && Interlocked.CompareExchange(ref most, count, seen) != seen);
        }

        foreach (var node in nodes) node.StateChanged += Sample;
        await cluster.WaitUntilAsync(() => nodes.All(n => n.ConnectedPeers.Count >= MaxPeers / 2) && Connected(nodes.Select(n => (n.Address, n.ConnectedPeers)).ToList()),
            "every node with at least D/2 links, one connected overlay");

        var delivered = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var node in nodes.Skip(1)) node.Subscribe("round", _ => { if (Interlocked.Increment(ref delivered) == 2 * (Nodes - 1)) all.TrySetResult(); });
        nodes[0].Publish("round", "closed"u8.ToArray());
        // Over EagerForwardMaxBytes: passed on hop by hop as an announcement (IHAVE, then IWANT), not pushed.
        nodes[0].Publish("round", new byte[2048]);
        var random = new Random(9);
        var ids = new List<BlobId>();
        foreach (var node in nodes)
        {
            var content = new byte[100_000];
            random.NextBytes(content);
            ids.Add(await node.PublishBlobAsync(content));
        }

        await cluster.WaitUntilAsync(() => nodes.All(n => ids.All(n.HasBlob)), "every blob on every node, relayed hop by hop", TimeSpan.FromSeconds(60));
        await all.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Sample(null, EventArgs.Empty);

        Assert.InRange(most, MaxPeers / 2, MaxPeers);
        Assert.All(nodes, n => Assert.InRange(n.ConnectedPeers.Count, 1, MaxPeers));
        Assert.True(nodes.Sum(n => n.ConnectedPeers.Count) < Nodes * (Nodes - 1), "not a full mesh");
    }

    /// <summary>Whether every node reaches every other over the links (breadth-first from the first).</summary>
    private static bool Connected(List<(NodeAddress Address, IReadOnlyCollection<NodeAddress> Peers)> graph)
    {
        var links = graph.ToDictionary(g => g.Address, g => g.Peers);
        var seen = new HashSet<NodeAddress> { graph[0].Address };
        var queue = new Queue<NodeAddress>(seen);
        while (queue.TryDequeue(out var at))
        {
            foreach (var next in links[at])
            {
                if (seen.Add(next)) queue.Enqueue(next);
            }
        }

        return seen.Count == graph.Count;
    }
}
