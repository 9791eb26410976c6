using System.Numerics;
using Microsoft.Extensions.Logging;

namespace FedChain.Node;

/// <summary>Log messages of data availability and blob admission in the node, event ids 1300-1349.</summary>
internal static partial class Log
{
    [LoggerMessage(1160, LogLevel.Warning, "Plan {PlanId} round {Round}: availability deadline passed without the blobs of {Members}; ballot cast to vote them out")]
    public static partial void ExclusionBallotCast(ILogger logger, BigInteger planId, int round, string members);

    [LoggerMessage(1161, LogLevel.Warning, "Plan {PlanId} round {Round}: the chain voted out the blob of {Member}; aggregating without it")]
    public static partial void BlobVotedOut(ILogger logger, BigInteger planId, int round, string member);

    [LoggerMessage(1162, LogLevel.Warning, "Plan {PlanId}: {Detail}; replaying the plan from the blobs with the chain's sets")]
    public static partial void ReplayingAfterLateExclusion(ILogger logger, BigInteger planId, string detail);

    [LoggerMessage(1163, LogLevel.Debug, "Blob {Blob} from a peer not stored: {Reason}")]
    public static partial void BlobNotAdmitted(ILogger logger, string blob, string reason);
}
