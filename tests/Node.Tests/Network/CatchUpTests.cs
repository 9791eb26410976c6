using FedChain.Node.Blobs;
using FedChain.Node.Network;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Tests.Support;

namespace FedChain.Node.Tests.Network;

/// <summary>Nodes that join late, die, or lose connections still end with every blob.</summary>
public sealed class CatchUpTests
{
    [Fact]
    public async Task AddNode_StartedLate_CatchesUpWithEveryBlob()
    {
        await using var cluster = await LoopbackCluster.StartAsync(4);
        var ids = await PublishOneEachAsync(cluster.Running.ToList(), 200_000, seed: 1);
        await cluster.WaitUntilAsync(() => cluster.Running.All(n => ids.All(n.HasBlob)), "four blobs on four nodes");

        var late = await cluster.AddNodeAsync();
        ids.Add(await late.PublishBlobAsync(Bytes(150_000, seed: 2)));

        await cluster.WaitUntilAsync(() => cluster.Running.All(n => ids.All(n.HasBlob)), "five blobs on five nodes, the late one included");
    }

    [Fact]
    public async Task KillNode_RestartedWithItsStore_CatchesUpAndKeepsWhatItHad()
    {
        await using var cluster = await LoopbackCluster.StartAsync(4);
        var before = await cluster[3].PublishBlobAsync(Bytes(100_000, seed: 3));
        await cluster.WaitUntilAsync(() => cluster.Running.All(n => n.HasBlob(before)), "the first blob everywhere");

        await cluster.KillNodeAsync(3);
        var whileDown = await PublishOneEachAsync([cluster[0], cluster[1], cluster[2]], 250_000, seed: 4);
        await cluster.WaitUntilAsync(() => cluster.Running.All(n => whileDown.All(n.HasBlob)), "blobs published while node 3 was down");

        var restarted = await cluster.StartNodeAsync(3);

        Assert.True(restarted.HasBlob(before));
        await cluster.WaitUntilAsync(() => whileDown.All(restarted.HasBlob), "node 3 caught up");
    }

    [Fact]
    public async Task Transfer_TwentyPercentOfConnectionsDropped_EverythingStillCompletes()
    {
        await using var cluster = await LoopbackCluster.StartAsync(8, o => o.Blobs.ParallelDownloads = 2);
        var nodes = cluster.Running.ToList();
        await cluster.WaitUntilAsync(() => nodes.All(n => n.ConnectedPeers.Count == 7), "a full mesh of connections");
        var ids = await PublishOneEachAsync(nodes, 1_000_000, seed: 5);
        var random = new Random(6);
        var dropped = 0;

        // Three waves, as transfers complete: each cuts a random 20% of the 28 links.
        for (var wave = 1; wave <= 3; wave++)
        {
            var target = 8 + (wave * 6);
            await cluster.WaitUntilAsync(() => nodes.Sum(n => ids.Count(n.HasBlob)) >= target, $"{target} blob copies");
            var links = nodes.SelectMany(a => a.ConnectedPeers.Where(b => a.Address < b).Select(b => (a, b))).ToList();
            foreach (var (node, peer) in links.OrderBy(_ => random.Next()).Take((int)Math.Ceiling(links.Count * 0.2)))
            {
                if (node.DropConnection(peer)) dropped++;
            }
        }

        await cluster.WaitUntilAsync(() => nodes.All(n => ids.All(n.HasBlob)), "all eight blobs on all eight nodes", TimeSpan.FromSeconds(60));
        Assert.True(dropped >= 12, $"only {dropped} connections were dropped");
        foreach (var node in nodes)
        {
            foreach (var id in ids) Assert.Equal(id, BlobId.Compute(await node.ReadBlobAsync(id)));
        }
    }

    [Fact]
    public async Task Fetch_ChunkTampered_IsRejectedAndFetchedAgainFromAnotherPeer()
    {
        // No recent blobs in memory: node 0 must serve its chunks from the copy that goes bad on disk.
        await using var cluster = await LoopbackCluster.StartAsync(2, o => o.Blobs.ReplicateAnnounced = false, chunkSize: 2048, recentBytes: 0);
        // Over ChunkLayout.WholeMaxBytes, so cut in 2 KiB chunks the fetcher spreads over both holders; within
        // BlobStore.PackedMaxBytes, so kept in the pack.
        var content = Bytes(ChunkLayout.WholeMaxBytes + 448, seed: 7);
        Assert.InRange(content.Length, ChunkLayout.WholeMaxBytes + 1, BlobStore.PackedMaxBytes);
        var id = await cluster[0].PublishBlobAsync(content);
        await cluster.WaitUntilAsync(() => cluster[1].ConnectedPeers.Count == 1, "the first two connected");
        await cluster[1].FetchBlobAsync(id).WaitAsync(TimeSpan.FromSeconds(20));
        // Node 0's copy goes bad on disk: one flipped byte in every 2 KiB chunk.
        var (path, start) = cluster[0].Store.LocationOf(id);
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
        {
            for (var offset = 100; offset < content.Length; offset += 2048)
            {
                file.Position = start + offset;
                file.WriteByte((byte)(content[offset] ^ 0xFF));
            }
        }

        var fetcher = await cluster.AddNodeAsync();
        // Both holders' announcements must be in, or every chunk may come from the good one.
        await cluster.WaitUntilAsync(() => fetcher.HolderCount(id) == 2, "the fetcher knows both holders");
        await fetcher.FetchBlobAsync(id).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(content, await fetcher.ReadBlobAsync(id));
        Assert.True(fetcher.Metrics.Rejections(RejectionReason.BadChunk) >= 1);
        Assert.True(cluster.Logs.Has(2032, "failed verification"));
        Assert.True(fetcher.Scores.ScoreOf(cluster[0].Address) < 0 || fetcher.Scores.IsBanned(cluster[0].Address));
        Assert.Equal(0, fetcher.Scores.ScoreOf(cluster[1].Address));
    }

    private static async Task<List<BlobId>> PublishOneEachAsync(IReadOnlyList<NetworkNode> nodes, int size, int seed)
    {
        var ids = new List<BlobId>();
        for (var i = 0; i < nodes.Count; i++) ids.Add(await nodes[i].PublishBlobAsync(Bytes(size, seed * 100 + i)));
        return ids;
    }

    private static byte[] Bytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
