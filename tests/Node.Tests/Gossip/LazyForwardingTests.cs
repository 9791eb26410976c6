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
        var (copies, pushed, announced) = await PublishAsync(_ => { });

        Assert.InRange(copies, 1.0, 1.5);
        Assert.Equal(0, pushed);
        Assert.True(announced > 0, "no node passed the message on as an announcement");
    }

    /// <summary>The contrast: forwarded eagerly, every node pushes the message on to its mesh peers.</summary>
    [Fact]
    public async Task Publish_LargeMessageForwardedEagerly_EveryNodePushesItOn()
    {
        var (_, pushed, announced) = await PublishAsync(o => o.Gossip.EagerForwardMaxBytes = int.MaxValue);

        // Each of the N - 1 receivers pushes it to its mesh peers but the sender and the origin (all but the last
        // receiver are counted by the time it delivers).
        Assert.True(pushed >= Nodes - 1, $"{pushed} copies pushed on");
        Assert.Equal(0, announced);
    }

    /// <summary>Publishes a 2 KiB message from the first node and, once every other node has it, returns the Publish frame
    /// bytes they received over one frame's size, and the copies pushed on and announcements
    /// made in all. Once every node has the message none asks for it again.</summary>
    private static async Task<(double Copies, long Pushed, long Announced)> PublishAsync(Action<NetworkOptions> configure)
    {
        await using var cluster = await LoopbackCluster.StartAsync(Nodes, configure);
        var nodes = cluster.Running.ToList();
        await cluster.WaitUntilAsync(() => nodes.All(n => n.ConnectedPeers.Count == Nodes - 1), "a full mesh of connections");
        var delivered = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var node in nodes.Skip(1)) node.Subscribe("answers", _ => { if (Interlocked.Increment(ref delivered) == Nodes - 1) all.TrySetResult(); });
        var before = nodes.Select(n => n.Metrics.FrameBytesIn(MessageCode.Publish)).ToList();

        nodes[0].Publish("answers", new byte[2048]);
        await all.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var received = nodes.Skip(1).Select((n, i) => n.Metrics.FrameBytesIn(MessageCode.Publish) - before[i + 1]).ToList();
        // Every receiver has at least one copy, and the message is the only one: the fewest bytes received are one frame.
        var copies = received.Average() / received.Min();
        return (copies, nodes.Sum(n => n.Metrics.Event("gossip.forwarded")), nodes.Sum(n => n.Metrics.Event("gossip.announced")));
    }
}
