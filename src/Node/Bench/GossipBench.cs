using System.Diagnostics;
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
        await using var cluster = await BenchCluster.StartAsync(nodeCount, seed, workFolder, o => o.Blobs.MaxBlobBytes = Math.Max(o.Blobs.MaxBlobBytes, blobBytes), progress, ct);
        var nodes = cluster.Nodes;
        progress.Report("connected; generating blobs");
        var random = new Random(seed);
        var contents = nodes.Select(_ => RandomBytes(random, blobBytes)).ToList();
        // A small all-to-all first, so the figures measure the network rather than the JIT compiling it.
        progress.Report("warm-up");
        await AllToAllAsync(cluster, [.. nodes.Select(_ => RandomBytes(random, 256 * 1024))], progress, ct);
        var before = nodes.Select(n => n.Metrics.Snapshot()).ToList();

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        await AllToAllAsync(cluster, contents, progress, ct);
        var elapsed = stopwatch.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        progress.Report("plain TCP baseline");
        var plainBytes = (long)nodeCount * (nodeCount - 1) * blobBytes;
        var plain = await PlainTcpTransfer.RunAsync(plainBytes, ct);
        return Summarise(nodes, before, elapsed, cpu, plainBytes, plain);
    }

    private static byte[] RandomBytes(Random random, long length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Each node publishes its blob; returns once every node holds every blob.</summary>
    private static async Task AllToAllAsync(BenchCluster cluster, IReadOnlyList<byte[]> contents, IProgress<string> progress, CancellationToken ct)
    {
        var nodes = cluster.Nodes;
        var ids = await Task.WhenAll(nodes.Select((n, i) => n.PublishBlobAsync(contents[i], ct)));
        var total = nodes.Count * nodes.Count;
        await cluster.WaitForAsync(() =>
        {
            var held = nodes.Sum(n => ids.Count(n.HasBlob));
            progress.Report($"{held}/{total} blob copies");
            return held == total;
        }, ct);
    }

    private GossipBenchDetail Summarise(List<NetworkNode> nodes, List<NetworkMetricsSnapshot> before, TimeSpan elapsed, TimeSpan cpu, long plainBytes, TimeSpan plain)
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
        return new GossipBenchDetail(result, plainBytes, Math.Round(plain.TotalSeconds, 3), Math.Round(perNode.Average(n => n.ReceivedRatio), 4), Math.Round(cpu.TotalSeconds, 3), perNode);
    }
}
