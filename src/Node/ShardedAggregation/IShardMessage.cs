namespace FedChain.Node.ShardedAggregation;

/// <summary>A control message of one sharded aggregation (<see cref="Session"/> names it, e.g. plan and round).</summary>
public interface IShardMessage
{
    string Session { get; }
}
