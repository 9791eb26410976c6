using FedChain.Contracts;
using FedChain.Node.ChainView;
using FedChain.Node.Identity;
using FedChain.Node.Network;
using FedChain.Node.ShardedAggregation;
using Microsoft.Extensions.Logging;

namespace FedChain.Node.Agent;

/// <summary>What a running node's plan runners share: its key and config, the chain, the network, its clock.</summary>
public sealed record NodeContext(
    NodeConfig Config,
    NodeKey Key,
    Consortium Consortium,
    ChainFollower Chain,
    NetworkNode Network,
    StatusReporter Status,
    TimeProvider Time,
    ILogger Logger)
{
    /// <summary>This node's address as the chain's event records key it (lower-case hex).</summary>
    public string Me => Key.Address.ToLowerHex();

    public NodeStatus Line(string @event) => new(@event, Key.Address.ToString(), Config.Site);

    public long NowMs() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The node's part in sharded aggregations, every plan's; listening on its gossip topic from the start, since a
    /// round's messages may come before this node reaches the round. With pointToPointShards on a full mesh, shards go only to
    /// the members that pull them; otherwise (an aggregator may have no link to a member) they replicate like any announced blob.</summary>
    public ShardedAggregator ShardedAggregation { get; } = new(Network, new ShardedAggregationOptions
    {
        WithholdShards = Config.PointToPointShards && Config.MaxPeers == 0,
        GoneMemberShardTimeout = TimeSpan.FromSeconds(Config.GoneMemberShardSeconds),
    }, Time, Logger);

    /// <summary>Which members hold which point-to-point shard, by their word over gossip, every plan's; listening from the start too,
    /// and kept beside the round state, so a restart mid-round loses none of it.</summary>
    public ShardedRounds.ShardHoldings ShardHoldings { get; } = new(Network, Time, Logger, Config.ShardHoldingsFile);

    /// <summary>One blob export at a time: plans that finish together would write the same folder's temp files.</summary>
    public SemaphoreSlim ExportGate { get; } = new(1, 1);
}
