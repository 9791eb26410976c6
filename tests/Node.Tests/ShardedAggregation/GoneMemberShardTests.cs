using FedChain.Learning.Quantisation;
using FedChain.Node.Blobs;
using FedChain.Node.Identity;
using FedChain.Node.ShardedAggregation;
using FedChain.Node.ShardedRounds;
using FedChain.Node.Tests.Support;

namespace FedChain.Node.Tests.ShardedAggregation;

/// <summary>
/// A committed aggregation among four real nodes on loopback whose member dies before it starts, each of its parts on its keeper
/// but one: that part is on a node the shard's aggregator and backup would not ask, or nowhere. Asked of whoever said it holds
/// it, the aggregation completes on the full sum; nowhere, every node ends naming the member and the shard, instead of waiting.
/// </summary>
public sealed class GoneMemberShardTests
{
    private const int Elements = 40_000;
    private const int Members = 4;

    [Fact]
    public async Task RunCommittedAsync_AGoneMembersPartHeldOnlyByAnotherKeeper_IsAskedOfItAndTheSumIsComplete()
    {
        await using var run = await GoneMemberRun.StartAsync(placeTheOddPart: true);

        var results = await Task.WhenAll(run.Survivors.Select(i => run.Aggregators[i].RunCommittedAsync("plan-1/round-1/of-4", run.Committed, run.Updates[i],
            heldBy: id => id == run.OddPart ? [run.OddHolder] : []))).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.All(results, r => Assert.Equal(run.ExpectedSum(), r.Sum));
        Assert.All(results, r => Assert.Empty(r.Findings));
    }

    [Fact]
    public async Task RunCommittedAsync_AGoneMembersPartNowhere_EndsOnEveryNodeNamingTheMemberAndTheShard()
    {
        await using var run = await GoneMemberRun.StartAsync(placeTheOddPart: false);

        var outcomes = await Task.WhenAll(run.Survivors.Select(i => Record.ExceptionAsync(() =>
            run.Aggregators[i].RunCommittedAsync("plan-1/round-1/of-4", run.Committed, run.Updates[i], heldBy: _ => [run.OddHolder])))).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.All(outcomes, e =>
        {
            var unavailable = Assert.IsType<ShardUnavailableException>(e);
            Assert.Equal((run.Gone, run.OddShard), (unavailable.Member, unavailable.Shard));
        });
    }

    private sealed class GoneMemberRun : IAsyncDisposable
    {
        private const int GoneIndex = Members - 1;

        private GoneMemberRun(LoopbackCluster cluster)
        {
            Cluster = cluster;
        }

        public LoopbackCluster Cluster { get; }

        public List<ShardedAggregator> Aggregators { get; } = [];

        public List<uint[]> Updates { get; } = [];

        public List<CommittedShards> Committed { get; } = [];

        public IReadOnlyList<int> Survivors { get; } = [.. Enumerable.Range(0, GoneIndex)];

        public NodeAddress Gone { get; private set; }

        /// <summary>The gone member's shard whose part is not on the shard's aggregator or backup.</summary>
        public int OddShard { get; private set; }

        public BlobId OddPart { get; private set; }

        /// <summary>The node that keeps <see cref="OddPart"/> in the first test (its third in line).</summary>
        public NodeAddress OddHolder { get; private set; }

        public static async Task<GoneMemberRun> StartAsync(bool placeTheOddPart)
        {
            var cluster = await LoopbackCluster.StartAsync(Members, o =>
            {
                o.Blobs.ReplicateAnnounced = false;
                o.Blobs.AnnounceStored = false;
            });
            var run = new GoneMemberRun(cluster);
            var nodes = cluster.Running.ToList();
            await cluster.WaitUntilAsync(() => nodes.All(n => n.ConnectedPeers.Count == Members - 1), "a full mesh of connections");
            var options = new ShardedAggregationOptions { GoneMemberShardTimeout = TimeSpan.FromSeconds(2) };
            run.Aggregators.AddRange(nodes.Select(n => new ShardedAggregator(n, options)));
            var random = new Random(23);
            var layout = new ShardLayout(Elements, Members);
            foreach (var node in nodes)
            {
                var update = Enumerable.Range(0, Elements).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray();
                run.Updates.Add(update);
                var ids = new List<BlobId>();
                for (var s = 0; s < Members; s++) ids.Add(await node.PublishUnannouncedBlobAsync(ShardVector.Encode(update.AsSpan(layout.RangeOf(s)))));
                run.Committed.Add(new CommittedShards(node.Address, $"binding of {node.Address}", ids));
            }

            var order = nodes.Select(n => n.Address).Order().ToList();
            var gone = nodes[GoneIndex];
            var position = order.IndexOf(gone.Address);
            run.Gone = gone.Address;
            // The shard after the gone member's own: its aggregator and backup are the next two, its third in line keeps it.
            run.OddShard = (position + 1) % Members;
            run.OddHolder = order[(position + 3) % Members];
            var shards = run.Committed[GoneIndex].Shards;
            run.OddPart = shards[run.OddShard];
            for (var s = 0; s < Members; s++)
            {
                var keeper = s == run.OddShard ? run.OddHolder : ShardedCommit.Keeper(gone.Address, order, s, _ => true)!.Value;
                if (s == run.OddShard && !placeTheOddPart) continue;
                await nodes.Single(n => n.Address == keeper).FetchUnannouncedBlobAsync(shards[s], [gone.Address]).WaitAsync(TimeSpan.FromMinutes(1));
            }

            await cluster.KillNodeAsync(GoneIndex);
            await cluster.WaitUntilAsync(() => cluster.Running.All(n => !n.IsConnected(gone.Address)), "every survivor seeing the gone member disconnected");
            return run;
        }

        public uint[] ExpectedSum()
        {
            var sum = new uint[Elements];
            foreach (var update in Updates) UpdateQuantiser.AddInto(sum, update);
            return sum;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var aggregator in Aggregators) aggregator.Dispose();
            await Cluster.DisposeAsync();
        }
    }
}
