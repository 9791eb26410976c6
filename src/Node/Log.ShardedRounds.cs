using FedChain.Node.Identity;
using Microsoft.Extensions.Logging;

namespace FedChain.Node;

/// <summary>Sharded rounds in the node (who holds which shard): event ids 2120-2129.</summary>
internal static partial class Log
{
    [LoggerMessage(2120, LogLevel.Warning, "Shards-held message from {Peer} refused: {Detail}")]
    public static partial void ShardsHeldRefused(ILogger logger, NodeAddress peer, string detail);

    [LoggerMessage(2121, LogLevel.Warning, "Round {Session}: shards-held message not sent: {Detail}")]
    public static partial void ShardsHeldNotSent(ILogger logger, string session, string detail);

    [LoggerMessage(2122, LogLevel.Warning, "Plan {PlanId} round {Round}: shard {Shard} of {Member} ({BlobId}) is malformed: {Detail}; not held, so the member is balloted out")]
    public static partial void MalformedShard(ILogger logger, System.Numerics.BigInteger planId, int round, int shard, string member, string blobId, string detail);

    [LoggerMessage(2123, LogLevel.Warning, "Plan {PlanId} round {Round}: {Member} is gone and its shard {Shard} is nowhere ({Detail}); balloting it out of the round")]
    public static partial void ShardUnavailable(ILogger logger, System.Numerics.BigInteger planId, int round, string member, int shard, string detail);

    [LoggerMessage(2125, LogLevel.Warning, "Plan {PlanId} round {Round}: ballot cast to vote {Member} out (a part of its update is nowhere)")]
    public static partial void UnavailableMemberBalloted(ILogger logger, System.Numerics.BigInteger planId, int round, string member);

    [LoggerMessage(2124, LogLevel.Warning, "Shards-held record {Line} of {File} skipped: {Detail}")]
    public static partial void ShardsHeldRecordSkipped(ILogger logger, string file, int line, string detail);
}
