namespace FedChain.Node.ShardedAggregation;

/// <summary>What a member named in a sharded aggregation did; the values are the ledger's reason codes (AggregatorFindings.sol).</summary>
public enum FindingKind : byte
{
    /// <summary>Its shard sum differs from the sum of the members' committed shards.</summary>
    WrongSum = 1,

    /// <summary>Its challenge answer does not match its committed shard.</summary>
    FalseAnswer = 2,

    /// <summary>Its claim does not cover exactly the round's participants.</summary>
    WrongParticipants = 3,

    /// <summary>Its shard sum blob does not decode.</summary>
    MalformedSum = 4,
}
