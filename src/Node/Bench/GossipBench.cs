using System.Diagnostics;
using System.Net;
using FedChain.Node.Blobs;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.Network;

namespace FedChain.Node.Bench;

/// <summary>
/// Real nodes on loopback, each publishing one blob, until every node holds every blob (the network's
/// "all-to-all"). Byte counts are socket bytes (TLS included) during the dissemination only.
/// </summary>
internal sealed class GossipBench(int nodeCount, long blobBytes, int seed, string workFolder)
{
    public async Task<GossipBenchDetail> RunAsync(IProgress<string> progress, CancellationToken ct)
    {
        var membership = new InMemoryMembership();
        var nodes = new List<NetworkNode>();
        var keys = new List<NodeKey>();
        try
        {
            progress.Report($"starting {nodeCount} nodes");
            for (var i = 0; i < nodeCount; i++)
            {
                var key = NodeKey.Generate();
                keys.Add(key);
                var options = new NetworkOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), DialInterval = TimeSpan.FromMilliseconds(200), Seed = seed + i };
                options.Blobs.MaxBlobBytes = Math.Max(options.Blobs.MaxBlobBytes, blobBytes);
                var node = new NetworkNode(key, membership, BlobStore.Open(Path.Combine(workFolder, $"node{i}")), options);
                await node.StartAsync(ct);
                membership.Set(new Member(node.Address, node.ListenEndPoint!.ToString()));
                nodes.Add(node);
            }

            await WaitForAsync(nodes, () => nodes.All(n => n.ConnectedPeers.Count == nodeCount - 1), ct);
            progress.Report("connected; generating blobs");
            var random = new Random(seed);
            var contents = nodes.Select(_ =>
            {
                var bytes = new byte[blobBytes];
                random.NextBytes(bytes);
                return bytes;
            }).ToList();
            var before = nodes.Select(n => n.Metrics.Snapshot()).ToList();

            var stopwatch = Stopwatch.StartNew();
            var ids = await Task.WhenAll(nodes.Select((n, i) => n.PublishBlobAsync(contents[i], ct)));
            var total = nodeCount * nodeCount;
            await WaitForAsync(nodes, () =>
            {
                var held = nodes.Sum(n => ids.Count(n.HasBlob));
                progress.Report($"{held}/{total} blob copies");
                return held == total;
            }, ct);
            var elapsed = stopwatch.Elapsed;

            progress.Report("plain TCP baseline");
            var plainBytes = (long)nodeCount * (nodeCount - 1) * blobBytes;
            var plain = await PlainTcpTransfer.RunAsync(plainBytes, ct);
            return Summarise(nodes, before, elapsed, plainBytes, plain);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
                node.Store.Dispose();
            }

            foreach (var key in keys) key.Dispose();
        }
    }

    private GossipBenchDetail Summarise(List<NetworkNode> nodes, List<NetworkMetricsSnapshot> before, TimeSpan elapsed, long plainBytes, TimeSpan plain)
    {
        var bound = (double)(nodeCount - 1) * blobBytes;
        var perNode = nodes.Select((n, i) =>
        {
            var after = n.Metrics.Snapshot();
            var received = after.TransportBytesIn - before[i].TransportBytesIn;
            var sent = after.TransportBytesOut - before[i].TransportBytesOut;
            return new GossipBenchNode(n.Address.ToString(), received, sent, received / bound, sent / bound,
                after.Events.GetValueOrDefault("blob.chunks_fetched") - before[i].Events.GetValueOrDefault("blob.chunks_fetched"),
                after.Events.GetValueOrDefault("blob.chunks_served") - before[i].Events.GetValueOrDefault("blob.chunks_served"));
        }).ToList();
        var control = nodes.Select((n, i) => n.Metrics.Snapshot().ControlBytesOut - before[i].ControlBytesOut).Sum();
        var result = new GossipBenchResult(nodeCount, blobBytes, Math.Round(elapsed.TotalSeconds, 3),
            Math.Round(perNode.Max(n => n.ReceivedRatio), 4), Math.Round(perNode.Max(n => n.SentRatio), 4), control);
        return new GossipBenchDetail(result, plainBytes, Math.Round(plain.TotalSeconds, 3), Math.Round(perNode.Average(n => n.ReceivedRatio), 4), perNode);
    }

    private static async Task WaitForAsync(List<NetworkNode> nodes, Func<bool> condition, CancellationToken ct)
    {
        var changed = new SemaphoreSlim(0);
        void OnChange(object? sender, EventArgs e) => changed.Release();
        foreach (var node in nodes) node.StateChanged += OnChange;
        try
        {
            while (!condition()) await changed.WaitAsync(ct);
        }
        finally
        {
            foreach (var node in nodes) node.StateChanged -= OnChange;
        }
    }
}
