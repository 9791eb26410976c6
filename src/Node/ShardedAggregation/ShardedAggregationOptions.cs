namespace FedChain.Node.ShardedAggregation;

/// <summary>Parameters of sharded aggregation. <see cref="Validate"/> names the first bad one.</summary>
public sealed class ShardedAggregationOptions
{
    /// <summary>Gossip topic of the control messages. Default "sharded-aggregation".</summary>
    public string Topic { get; set; } = "sharded-aggregation";

    /// <summary>A shard whose aggregator has not claimed it this long after every member's shards were
    /// announced (or at once when it is disconnected) passes to the next member in its order. Default 30 s.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A member that has not answered a claim's challenge this long after the claim arrived has its
    /// term computed from its shard blob instead. Default 10 s.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Claims are answered together: once every shard has one, or this long after the first unanswered
    /// claim arrived. Default 250 ms.</summary>
    public TimeSpan AnswerBatchWindow { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long one blob fetch may wait for a holder before the aggregation fails naming the blob. Default 2 minutes.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often timeouts are looked at. Default 100 ms.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromMilliseconds(100);

    public void Validate()
    {
        if (string.IsNullOrEmpty(Topic)) throw new ArgumentException("ShardedAggregation.Topic must not be empty");
        if (ClaimTimeout <= TimeSpan.Zero || AnswerTimeout <= TimeSpan.Zero || AnswerBatchWindow < TimeSpan.Zero || FetchTimeout <= TimeSpan.Zero || Tick <= TimeSpan.Zero)
        {
            throw new ArgumentException("ShardedAggregation.ClaimTimeout, AnswerTimeout, FetchTimeout and Tick must be positive, AnswerBatchWindow not negative");
        }
    }
}
