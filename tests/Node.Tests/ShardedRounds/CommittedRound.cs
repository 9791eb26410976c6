using FedChain.Node.Blobs;
using FedChain.Node.Network;
using FedChain.Node.ShardedAggregation;
using FedChain.Node.ShardedRounds;
using FedChain.Node.Tests.Support;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>One sharded round as the nodes run it, without the chain: each member publishes its shards and, as an announced
/// blob (the node's envelope), the list it would commit; the lists replicate; the members aggregate the committed shards.</summary>
internal static class CommittedRound
{
    public static async Task<(ShardedAggregationResult[] Results, IReadOnlyList<CommittedShards> Committed)> RunAsync(
        LoopbackCluster cluster, IReadOnlyList<NetworkNode> nodes, IReadOnlyList<ShardedAggregator> aggregators, IReadOnlyList<uint[]> updates, bool withhold)
    {
        var lists = new List<BlobId>();
        for (var i = 0; i < nodes.Count; i++) lists.Add(await nodes[i].PublishBlobAsync(await ShardedCommit.PublishAsync(nodes[i], updates[i], nodes.Count, withhold, default)));
        await cluster.WaitUntilAsync(() => nodes.All(n => lists.All(n.HasBlob)), "every shard list on every node");
        var committed = new List<CommittedShards>();
        for (var i = 0; i < nodes.Count; i++)
            committed.Add(new CommittedShards(nodes[i].Address, lists[i].ToString(), ShardMessageCodec.DecodeShardList(await nodes[i].ReadBlobAsync(lists[i]))));

        var results = await Task.WhenAll(aggregators.Select((a, i) => a.RunCommittedAsync("plan-1/round-1", committed, updates[i])));
        Assert.All(results, r => Assert.Equal(results[0].Sum, r.Sum));
        Assert.All(results, r => Assert.Empty(r.Findings));
        return (results, committed);
    }
}
