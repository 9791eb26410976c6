using System.Buffers.Binary;
using FedChain.Node.Gossip;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Tests.Support;
using FedChain.Node.Wire;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Tests.Network;

/// <summary>A member turned hostile sends 100,000 random and mutated frames at a live node over TLS.</summary>
[Collection(MemoryMeasuredCollection.Name)]
public sealed class FuzzTests
{
    private const int FrameCount = 100_000;
    private const int Batch = 200;

    [Fact]
    public async Task Frames_HundredThousandRandomAndMutated_NodeSurvivesStaysBoundedAndServesHonestPeers()
    {
        // Scoring would ban the fuzzer after a few frames; keep it connected so every frame is parsed.
        await using var cluster = await LoopbackCluster.StartAsync(2, o =>
        {
            o.Scoring.DisconnectThreshold = -1e15;
            o.Scoring.FloodRatePerSecond = int.MaxValue / 2;
            o.Scoring.FloodBurst = int.MaxValue / 2;
        });
        var target = cluster[0];
        var honest = cluster[1];
        await cluster.WaitUntilAsync(() => target.ConnectedPeers.Count == 1, "the honest peer connected");
        using var fuzzer = NodeKey.Generate();
        cluster.Membership.Set(new Member(fuzzer.Address, null));
        var random = new Random(2026);
        var templates = Templates(fuzzer, cluster.Time);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var peer = await RawPeer.ConnectAsync(fuzzer, target.ListenEndPoint!, cluster.Membership, cluster.Time);
        var reconnects = 0;
        for (var sent = 0; sent < FrameCount; sent += Batch)
        {
            if (peer.Closed.IsCompleted)
            {
                await peer.DisposeAsync();
                peer = await RawPeer.ConnectAsync(fuzzer, target.ListenEndPoint!, cluster.Membership, cluster.Time);
                reconnects++;
            }

            var frames = Enumerable.Range(0, Batch).Select(_ => NextFrame(random, templates)).ToList();
            // One batch in fifty ends with a frame whose length is over the cap, which closes the connection.
            var endsOversize = random.Next(50) == 0;
            if (endsOversize) frames[^1] = OversizePrefix(random);
            try
            {
                await peer.SendBatchAsync(frames);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
            {
                // The node closed the connection mid-batch; the next batch reconnects.
            }

            if (endsOversize) await peer.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        }

        await peer.DisposeAsync();

        // The node still serves honest peers: gossip and a blob from the honest node arrive.
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        target.Subscribe("after-fuzz", m => { if (m.Origin == honest.Address) delivered.TrySetResult(); });
        honest.Publish("after-fuzz", "still here"u8.ToArray());
        await delivered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var id = await honest.PublishBlobAsync(new byte[200_000]);
        await target.FetchBlobAsync(id).WaitAsync(TimeSpan.FromSeconds(20));

        var rejected = target.Metrics.Snapshot().Rejections;
        Assert.True(rejected.GetValueOrDefault(RejectionReason.MalformedFrame) > FrameCount / 4, $"malformed: {rejected.GetValueOrDefault(RejectionReason.MalformedFrame)}");
        Assert.True(rejected.GetValueOrDefault(RejectionReason.OversizeFrame) >= reconnects);
        var growth = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        Assert.True(growth < 64 * 1024 * 1024, $"managed memory grew by {growth / 1024 / 1024} MiB");
    }

    private static byte[] NextFrame(Random random, IReadOnlyList<byte[]> templates)
    {
        var kind = random.Next(10);
        if (kind < 4) return RandomFrame(random);
        var template = templates[random.Next(templates.Count)];
        return kind < 9 ? Mutate(random, template) : template;
    }

    /// <summary>A well-framed header (mostly version 1, any code) around random bytes.</summary>
    private static byte[] RandomFrame(Random random)
    {
        var body = random.Next(0, 600);
        var frame = new byte[FrameReader.HeaderLength + body];
        random.NextBytes(frame);
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)(body + 2));
        if (random.Next(4) != 0) frame[4] = WireCodec.Version;
        if (random.Next(2) == 0) frame[5] = (byte)Enum.GetValues<MessageCode>()[random.Next(Enum.GetValues<MessageCode>().Length)];
        return frame;
    }

    /// <summary>A valid frame with bytes flipped, cut short or extended; the length prefix is kept consistent.</summary>
    private static byte[] Mutate(Random random, byte[] template)
    {
        var body = template.AsSpan(FrameReader.PrefixLength).ToArray();
        switch (random.Next(3))
        {
            case 0:
                for (var i = random.Next(1, 4); i > 0; i--) body[random.Next(body.Length)] ^= (byte)random.Next(1, 256);
                break;
            case 1:
                body = body[..random.Next(0, body.Length)];
                break;
            default:
                var extra = new byte[random.Next(1, 64)];
                random.NextBytes(extra);
                body = [.. body, .. extra];
                break;
        }

        var frame = new byte[FrameReader.PrefixLength + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)body.Length);
        body.CopyTo(frame, FrameReader.PrefixLength);
        return frame;
    }

    private static byte[] OversizePrefix(Random random)
    {
        var frame = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)random.Next(2 * 1024 * 1024, int.MaxValue));
        return frame;
    }

    /// <summary>One valid frame of every message type, including responses nobody asked for.</summary>
    private static List<byte[]> Templates(NodeKey key, TimeProvider time)
    {
        var id = new byte[32];
        new Random(1).NextBytes(id);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        IWireMessage[] messages =
        [
            new Hello("fuzz", "127.0.0.1:1"),
            SignedControlMessage.Create(key, "fuzz", 1, now, new byte[40], 4),
            new Graft(),
            new Prune(),
            new IHave([id, id]),
            new IWant([id]),
            new BlobHave([new BlobSummary(id, 1000)]),
            new ManifestRequest(id),
            new Manifest(id, 4096, 2048, new byte[64]),
            new ChunkRequest(id, 0),
            new Chunk(id, 0, new byte[100]),
            new BlobMissing(id, -1),
            new PeerExchange([new PeerRecord(new byte[20], "127.0.0.1:9")]),
        ];
        return [.. messages.Select(WireCodec.Encode)];
    }
}
