using System.Diagnostics;
using FedChain.Node.ShardedAggregation;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Bench;

/// <summary>
/// Sharded aggregation among real nodes on loopback (TLS, stores on disk), in one process: each run,
/// every node starts its part at once with a fresh random update (uniform, as a masked one is), and
/// the clock stops when the last node holds the verified sum. Bytes are socket bytes, TLS included.
/// </summary>
internal sealed class AggregateBench(int nodeCount, long updateBytes, int runs, int seed, string workFolder)
{
    /// <summary>Aggregations run before the measured ones. One was not enough: the runtime's tiered compilation (hot methods
    /// re-jitted with profiling, then optimised) went on through the measured runs, about 4,500 methods at N = 10, so they
    /// measured half-optimised code and the JIT beside it; a node runs for hours, past all of that.</summary>
    private const int WarmUpRuns = 3;

    public async Task<AggregateBenchResult> RunAsync(IProgress<string> progress, CancellationToken ct)
    {
        await using var cluster = await BenchCluster.StartAsync(nodeCount, seed, workFolder, o =>
        {
            o.Blobs.ReplicateAnnounced = false;
            o.Blobs.AnnounceStored = false;
            // Every member floods its own control messages to all its links (a full mesh here), so the mesh only
            // backs that up; each message, or since lazy forwarding its id, reaches a node once per mesh peer
            // (measured before lazy forwarding: received 3.15x the update at N = 50 with D = 6, 2.81x with 3).
            o.Gossip.MeshDegreeLow = 2;
            o.Gossip.MeshDegree = 3;
            o.Gossip.MeshDegreeHigh = 4;
        }, progress, ct);
        var aggregators = cluster.Nodes.Select(n => new ShardedAggregator(n)).ToList();
        try
        {
            var addresses = cluster.Nodes.Select(n => n.Address).ToList();
            var elements = (int)(updateBytes / 4);
            var random = new Random(seed);
            var results = new List<AggregateBenchRun>();
            // Runs up to 0 are warm-ups, not counted: the figures measure the aggregation rather than the JIT compiling it.
            for (var run = 1 - WarmUpRuns; run <= runs; run++)
            {
                progress.Report(run <= 0 ? $"warm-up {run + WarmUpRuns}/{WarmUpRuns}" : $"run {run}/{runs}: generating updates");
                var updates = cluster.Nodes.Select(_ => RandomVector(random, elements)).ToList();
                var before = cluster.Nodes.Select(n => n.Metrics.TransportBytesIn).ToList();
                var framesBefore = cluster.Nodes.Select(n => n.Metrics.Snapshot().FrameBytesIn).ToList();
                var publishedBefore = cluster.Nodes.Sum(n => n.Metrics.Event("gossip.published"));
                progress.Report($"run {run}/{runs}: aggregating");
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                // Each on its own thread-pool item: a node's part runs synchronously up to its first wait (cutting and hashing
                // its shards), so started in a loop each node waited for the one before it.
                var sums = await Task.WhenAll(aggregators.Select((a, i) => Task.Run(() => a.RunAsync($"bench/{run}", addresses, updates[i], ct), ct)));
                var seconds = stopwatch.Elapsed.TotalSeconds;
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                var received = cluster.Nodes.Select((n, i) => n.Metrics.TransportBytesIn - before[i]).ToList();
                var byCode = ReceivedByCode(cluster.Nodes.Select((n, i) => Difference(n.Metrics.Snapshot().FrameBytesIn, framesBefore[i])).ToList(), updateBytes);
                var total = received.Sum();
                progress.Report($"run {run}/{runs}: plain TCP baseline, {total} bytes");
                var plain = await PlainTcpTransfer.RunAsync(total, ct);
                var identical = sums.All(s => s.Sum.AsSpan().SequenceEqual(sums[0].Sum)) && sums[0].Sum.AsSpan().SequenceEqual(Sum(updates));
                if (run <= 0) continue;
                results.Add(new AggregateBenchRun(
                    Math.Round(received.Max() / (double)updateBytes, 4), Math.Round(received.Average() / updateBytes, 4),
                    Math.Round(seconds, 3), total, Math.Round(plain.TotalSeconds, 3), Math.Round(cpu, 3), identical,
                    Math.Round(byCode.Where(kv => kv.Key != nameof(MessageCode.Chunk)).Sum(kv => kv.Value), 4), byCode,
                    Math.Round((cluster.Nodes.Sum(n => n.Metrics.Event("gossip.published")) - publishedBefore) / (double)nodeCount, 2)));
            }

            progress.Report("timing one node's sum checks");
            var check = CheckSeconds(nodeCount, elements, random);
            return new AggregateBenchResult(nodeCount, updateBytes,
                Median(results.Select(r => r.MaxReceivedPerUpdate)), Median(results.Select(r => r.MeanReceivedPerUpdate)),
                Median(results.Select(r => r.Seconds)), Median(results.Select(r => r.PlainTcpSeconds)), Math.Round(check, 3), results);
        }
        finally
        {
            foreach (var aggregator in aggregators) aggregator.Dispose();
        }
    }

    /// <summary>One node's sum-check work on its own: a challenge per shard, its answer, and the check of the shard sum.</summary>
    private static double CheckSeconds(int shards, int elements, Random random)
    {
        var layout = new ShardLayout(elements, shards);
        var update = RandomVector(random, elements);
        var seed = new byte[32];
        var stopwatch = Stopwatch.StartNew();
        for (var s = 0; s < shards; s++)
        {
            seed[0] = (byte)s;
            var part = update.AsSpan(layout.RangeOf(s));
            var challenge = SumChallenge.From(seed, part.Length);
            challenge.Answer(part);
            challenge.Evaluate(ShardSum.Of([part.ToArray()], part.Length));
        }

        return stopwatch.Elapsed.TotalSeconds;
    }

    private static Dictionary<MessageCode, long> Difference(IReadOnlyDictionary<MessageCode, long> after, IReadOnlyDictionary<MessageCode, long> before) =>
        after.ToDictionary(kv => kv.Key, kv => kv.Value - before.GetValueOrDefault(kv.Key));

    /// <summary>Frame bytes received per node by message code, averaged over the nodes, over the update size.</summary>
    private static SortedDictionary<string, double> ReceivedByCode(IReadOnlyList<Dictionary<MessageCode, long>> perNode, long updateBytes) =>
        new(perNode.SelectMany(d => d).GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key.ToString(), g => Math.Round(g.Sum(kv => kv.Value) / (double)perNode.Count / updateBytes, 4)), StringComparer.Ordinal);

    private static uint[] RandomVector(Random random, int elements)
    {
        var bytes = new byte[elements * 4];
        random.NextBytes(bytes);
        return ShardVector.Read(bytes);
    }

    private static uint[] Sum(IReadOnlyList<uint[]> updates)
    {
        var sum = new uint[updates[0].Length];
        foreach (var update in updates)
        {
            for (var j = 0; j < sum.Length; j++) sum[j] = unchecked(sum[j] + update[j]);
        }

        return sum;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
