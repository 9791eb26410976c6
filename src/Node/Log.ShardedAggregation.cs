using FedChain.Node.Identity;
using Microsoft.Extensions.Logging;

namespace FedChain.Node;

/// <summary>Sharded aggregation: event ids 2100-2119.</summary>
internal static partial class Log
{
    [LoggerMessage(2100, LogLevel.Warning, "Shard message from {Peer} refused: {Detail}")]
    public static partial void ShardMessageRefused(ILogger logger, NodeAddress peer, string detail);

    [LoggerMessage(2101, LogLevel.Information, "Aggregation {Session}: claimed shard {Shard} as {BlobId}")]
    public static partial void ShardClaimed(ILogger logger, string session, int shard, string blobId);

    [LoggerMessage(2102, LogLevel.Warning, "Aggregation {Session}: the claim of {Peer} for shard {Shard} failed its sum check; redoing the shard")]
    public static partial void ShardCheckFailed(ILogger logger, string session, NodeAddress peer, int shard);

    [LoggerMessage(2103, LogLevel.Warning, "Aggregation {Session}: {Peer} named for shard {Shard}: {Reason}")]
    public static partial void AggregatorNamed(ILogger logger, string session, NodeAddress peer, int shard, string reason);

    [LoggerMessage(2104, LogLevel.Information, "Aggregation {Session}: shard {Shard} passes to {Peer} (its aggregator {Gone} is gone or silent)")]
    public static partial void ShardReassigned(ILogger logger, string session, int shard, NodeAddress peer, NodeAddress gone);

    [LoggerMessage(2105, LogLevel.Warning, "Plan {PlanId} round {Round}: named {Member} on the ledger for shard {Shard}: {Reason}")]
    public static partial void AggregatorNamedOnChain(ILogger logger, System.Numerics.BigInteger planId, int round, string member, int shard, string reason);

    [LoggerMessage(2106, LogLevel.Warning, "Plan {PlanId} round {Round}: the ledger refused the finding against {Member}: {Reason}")]
    public static partial void FindingRefused(ILogger logger, System.Numerics.BigInteger planId, int round, string member, string reason);
}
