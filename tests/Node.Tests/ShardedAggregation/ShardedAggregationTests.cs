using FedChain.Node.Blobs;
using FedChain.Node.Identity;
using FedChain.Node.Network;
using FedChain.Node.ShardedAggregation;
using FedChain.Node.Tests.Support;

namespace FedChain.Node.Tests.ShardedAggregation;

/// <summary>Reduce-scatter and all-gather among real nodes on loopback, over TLS, gossip and blob transfer.</summary>
public sealed class ShardedAggregationTests
{
    private const int Elements = 60_000;

    [Fact]
    public async Task RunAsync_HonestMembers_EveryNodeEndsOnTheSumOfAllUpdates()
    {
        await using var run = await ShardedCluster.StartAsync(5);

        var results = await Task.WhenAll(run.Aggregators.Select((a, i) => a.RunAsync("plan-1/round-1", run.Addresses, run.Updates[i])));

        Assert.All(results, r => Assert.Equal(run.ExpectedSum(), r.Sum));
        Assert.All(results, r => Assert.Empty(r.Findings));
        // Each shard was aggregated by its own member, not redone.
        Assert.All(results, r => Assert.Equal(run.Addresses.Order(), r.Aggregators));
    }

    [Fact]
    public async Task RunAsync_LyingAggregator_IsNamedAndItsShardRedoneSoTheRoundCompletes()
    {
        await using var run = await ShardedCluster.StartAsync(5);
        var liar = 2;
        run.Aggregators[liar].Tamper = (_, _, sum) =>
        {
            sum.Sum[7] += 1; // one element off: a sum check over Z_2^32 alone could not be trusted with this
            return sum;
        };

        var results = await Task.WhenAll(run.Aggregators.Select((a, i) => a.RunAsync("plan-1/round-1", run.Addresses, run.Updates[i])));

        var liarAddress = run.Addresses[liar];
        var liarShard = run.Addresses.Order().ToList().IndexOf(liarAddress);
        Assert.All(results, r => Assert.Equal(run.ExpectedSum(), r.Sum));
        Assert.All(results, r =>
        {
            var finding = Assert.Single(r.Findings);
            Assert.Equal(liarAddress, finding.Member);
            Assert.Equal(liarShard, finding.Shard);
            Assert.Contains("differs from the sum", finding.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task RunAsync_AggregatorDropsMidAggregation_TheOthersFinishOnTheSameSum()
    {
        // Default timeouts (minutes): the dead aggregator's shard and answers pass on because it is disconnected.
        await using var run = await ShardedCluster.StartAsync(5);
        var order = run.Addresses.Order().ToList();
        var dropout = 1;
        var dropShard = order.IndexOf(run.Addresses[dropout]);
        var summed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        run.Aggregators[dropout].Tamper = (_, _, _) =>
        {
            // It has pulled and summed its shard; it dies before claiming it.
            summed.TrySetResult();
            release.Task.Wait();
            throw new OperationCanceledException("killed");
        };
        using var dropoutStop = new CancellationTokenSource();
        var dropoutRun = run.Aggregators[dropout].RunAsync("plan-1/round-1", run.Addresses, run.Updates[dropout], dropoutStop.Token);
        var others = Enumerable.Range(0, 5).Where(i => i != dropout)
            .Select(i => (Index: i, Task: run.Aggregators[i].RunAsync("plan-1/round-1", run.Addresses, run.Updates[i]))).ToList();

        await summed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        // Die once the others hold what they need of its update (the rule: a member serves its shards until its aggregators have them).
        var layout = new ShardLayout(Elements, 5);
        var parts = Enumerable.Range(0, 5).Select(s => BlobId.Compute(ShardVector.Encode(run.Updates[dropout].AsSpan(layout.RangeOf(s))))).ToList();
        var holders = Enumerable.Range(0, 5).Select(s => s == dropShard ? order[(s + 1) % 5] : order[s]).ToList();
        await run.Cluster.WaitUntilAsync(
            () => Enumerable.Range(0, 5).All(s => run.NodeOf(holders[s]).HasBlob(parts[s])),
            "every aggregator (and the dropout's backup) holding its part of the dropout's update", TimeSpan.FromSeconds(60));
        await dropoutStop.CancelAsync();
        await run.Cluster.KillNodeAsync(dropout);
        release.SetResult();
        // However its own run ends (cancelled, or its node disposed under it), it does not finish the aggregation.
        Assert.NotNull(await Record.ExceptionAsync(() => dropoutRun));

        var results = await Task.WhenAll(others.Select(o => o.Task));

        Assert.All(results, r => Assert.Equal(run.ExpectedSum(), r.Sum));
        Assert.All(results, r => Assert.Equal(order[(dropShard + 1) % 5], r.Aggregators[dropShard]));
        Assert.All(results, r => Assert.Empty(r.Findings));
    }

    /// <summary>A loopback cluster with an aggregator per node and a random update (uniform, as a masked one is) per node.</summary>
    private sealed class ShardedCluster : IAsyncDisposable
    {
        private ShardedCluster(LoopbackCluster cluster, List<ShardedAggregator> aggregators, List<uint[]> updates)
        {
            Cluster = cluster;
            Aggregators = aggregators;
            Updates = updates;
            Addresses = [.. cluster.Running.Select(n => n.Address)];
        }

        public LoopbackCluster Cluster { get; }

        public List<ShardedAggregator> Aggregators { get; }

        public List<uint[]> Updates { get; }

        public IReadOnlyList<NodeAddress> Addresses { get; }

        public static async Task<ShardedCluster> StartAsync(int count)
        {
            var cluster = await LoopbackCluster.StartAsync(count, o =>
            {
                o.Blobs.ReplicateAnnounced = false;
                o.Blobs.AnnounceStored = false;
            });
            var nodes = cluster.Running.ToList();
            await cluster.WaitUntilAsync(() => nodes.All(n => n.ConnectedPeers.Count == count - 1), "a full mesh of connections");
            var aggregators = nodes.Select(n => new ShardedAggregator(n)).ToList();
            var random = new Random(17);
            var updates = nodes.Select(_ => Enumerable.Range(0, Elements).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray()).ToList();
            return new ShardedCluster(cluster, aggregators, updates);
        }

        public uint[] ExpectedSum()
        {
            var sum = new uint[Elements];
            foreach (var update in Updates)
            {
                for (var j = 0; j < Elements; j++) sum[j] = unchecked(sum[j] + update[j]);
            }

            return sum;
        }

        public NetworkNode NodeOf(NodeAddress address) => Cluster.Running.Single(n => n.Address == address);

        public async ValueTask DisposeAsync()
        {
            foreach (var aggregator in Aggregators) aggregator.Dispose();
            await Cluster.DisposeAsync();
        }
    }
}
