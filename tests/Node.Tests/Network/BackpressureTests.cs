using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.Tests.Support;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Tests.Network;

/// <summary>A peer that asks for data and never reads it gets pushed back, and cannot keep a connection alive.</summary>
public sealed class BackpressureTests
{
    [Fact]
    public async Task ChunkRequests_PeerNeverReads_ServingStallsAndTheClosedConnectionStillEnds()
    {
        // The flood gate would ban a peer sending this many requests at once; this test is about backpressure.
        await using var cluster = await LoopbackCluster.StartAsync(1, o => o.Scoring.FloodBurst = o.Scoring.FloodRatePerSecond = 100_000);
        var node = cluster[0];
        var content = new byte[8 * 1024 * 1024];
        new Random(11).NextBytes(content);
        var id = (await node.PublishBlobAsync(content)).ToBytes();
        using var stalled = NodeKey.Generate();
        cluster.Membership.Set(new Member(stalled.Address, null));
        await using var peer = await RawPeer.ConnectAsync(stalled, node.ListenEndPoint!, cluster.Membership, cluster.Time, drain: false);
        await cluster.WaitUntilAsync(() => node.ConnectedPeers.Contains(stalled.Address), "the stalled peer connected");

        // Far more than socket buffers can hold (20,000 x 64 KiB = 1.3 GB; loopback autotuning allows tens of MB).
        const int requested = 20_000;
        await peer.SendBatchAsync(Enumerable.Range(0, requested).Select(i => FedChain.Node.Wire.WireCodec.Encode(new ChunkRequest(id, i % 128))));
        await cluster.WaitUntilAsync(() => node.Metrics.Event("blob.chunks_served") > 0, "the node started serving");
        cluster.Membership.Remove(stalled.Address);

        await cluster.WaitUntilAsync(() => !node.ConnectedPeers.Contains(stalled.Address), "the stalled connection closed", TimeSpan.FromSeconds(30));
        var served = node.Metrics.Event("blob.chunks_served");
        // Only what the send queue (128 frames) and the socket buffers hold was ever produced, not every request.
        Assert.InRange(served, 1, requested / 2);
    }
}
