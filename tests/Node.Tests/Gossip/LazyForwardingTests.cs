using FedChain.Node.Network;
using FedChain.Node.Tests.Support;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Tests.Gossip;

/// <summary>Received messages over <c>EagerForwardMaxBytes</c> go on to the mesh as ids (IHAVE), not copies: on a full mesh
/// each node then receives such a message about once, from its origin.</summary>
public sealed class LazyForwardingTests
{
    private const int Nodes = 8;

    [Fact]
    public async Task Publish_LargeMessageOnAFullMesh_EachNodeReceivesItAboutOnce()
    {
        var (copies, announced) = await CopiesPerNodeAsync(_ => { });

        Assert.InRange(copies, 1.0, 1.5);
        Assert.True(announced > 0, "no node passed the message on as an announcement");
    }

    /// <summary>The contrast: pushed on by every mesh peer, the same message reaches a node several times.</summary>
    [Fact]
    public async Task Publish_LargeMessageForwardedEagerly_EachNodeReceivesItSeveralTimes()
    {
        var (copies, announced) = await CopiesPerNodeAsync(o => o.Gossip.EagerForwardMaxBytes = int.MaxValue);

        Assert.True(copies >= 2, $"{copies:F2} copies per node");
        Assert.Equal(0, announced);
    }

    /// <summary>Publishes a 2 KiB message from the first node and, once every other node has it, returns the Publish frame
    /// bytes they received over the frame's size (from what its origin sent), and the announcements made in all.</summary>
    private static async Task<(double Copies, long Announced)> CopiesPerNodeAsync(Action<NetworkOptions> configure)
    {
        await using var cluster = await LoopbackCluster.StartAsync(Nodes, configure);
        var nodes = cluster.Running.ToList();
        await cluster.WaitUntilAsync(() => nodes.All(n => n.ConnectedPeers.Count == Nodes - 1), "a full mesh of connections");
        var delivered = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var node in nodes.Skip(1)) node.Subscribe("answers", _ => { if (Interlocked.Increment(ref delivered) == Nodes - 1) all.TrySetResult(); });
        var before = nodes.Select(n => n.Metrics.FrameBytesIn(MessageCode.Publish)).ToList();
        var sentBefore = nodes[0].Metrics.FrameBytesOut(MessageCode.Publish);

        nodes[0].Publish("answers", new byte[2048]);
        await all.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var frame = (nodes[0].Metrics.FrameBytesOut(MessageCode.Publish) - sentBefore) / (double)(Nodes - 1);
        var received = nodes.Skip(1).Select((n, i) => n.Metrics.FrameBytesIn(MessageCode.Publish) - before[i + 1]).ToList();
        return (received.Average() / frame, nodes.Sum(n => n.Metrics.Event("gossip.announced")));
    }
}
