namespace FedChain.Node.ShardedAggregation;

/// <summary>Parameters of sharded aggregation. <see cref="Validate"/> names the first bad one.</summary>
public sealed class ShardedAggregationOptions
{
    /// <summary>Gossip topic of the control messages. Default "sharded-aggregation".</summary>
    public string Topic { get; set; } = "sharded-aggregation";

    /// <summary>A shard whose aggregator is disconnected passes at once to the next member in its order; one that
    /// is connected but has not claimed it this long after every member's shards were known, too. Long by default:
    /// on a loaded machine a slow aggregator is far likelier than a stuck one, and a second one doubles the traffic. Default 5 minutes.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A disconnected member's challenge terms are computed from its shard blobs at once; a connected one
    /// that has not answered this long after the claim arrived, too. Long by default for the same reason: each such
    /// term costs a shard's transfer. Default 2 minutes.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Claims are answered together: once every shard has one, or this long after the first unanswered
    /// claim arrived, doubling with each batch sent before every shard had one. Default 250 ms.</summary>
    public TimeSpan AnswerBatchWindow { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long one blob fetch may take (queueing behind the node's other downloads included) before the
    /// aggregation fails naming the blob. Default 10 minutes.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A member gone (disconnected) whose shard no other holder (its keepers, by their word, and the shard's
    /// aggregator and backup) has served this long since it went is unavailable: the aggregation ends with
    /// <see cref="ShardUnavailableException"/> and the node ballots the member out, rather than wait on a keeper that said it
    /// holds the shard and does not serve it. Short beside <see cref="FetchTimeout"/>: only a gone member's shards wait on
    /// it, and a wrong call costs one ballot, short of the quorum alone. Default 30 seconds.</summary>
    public TimeSpan GoneMemberShardTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Shards are stored unannounced, on their member and on the nodes that pull them by id (the shard's
    /// aggregator and backups), so replication does not carry every shard to every member; shard sums are announced,
    /// and reach everyone. Off only on a bounded-degree mesh, where an aggregator may have no link to a member and
    /// the shards must travel hop by hop as announced blobs do (every member then receives every shard). Default true.</summary>
    public bool WithholdShards { get; set; } = true;

    /// <summary>How often timeouts are looked at. Default 100 ms.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromMilliseconds(100);

    public void Validate()
    {
        if (string.IsNullOrEmpty(Topic)) throw new ArgumentException("ShardedAggregation.Topic must not be empty");
        if (ClaimTimeout <= TimeSpan.Zero || AnswerTimeout <= TimeSpan.Zero || AnswerBatchWindow < TimeSpan.Zero || FetchTimeout <= TimeSpan.Zero || GoneMemberShardTimeout <= TimeSpan.Zero || Tick <= TimeSpan.Zero)
        {
            throw new ArgumentException("ShardedAggregation.ClaimTimeout, AnswerTimeout, FetchTimeout, GoneMemberShardTimeout and Tick must be positive, AnswerBatchWindow not negative");
        }
    }
}
