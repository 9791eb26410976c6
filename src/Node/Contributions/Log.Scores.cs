using System.Numerics;
using Microsoft.Extensions.Logging;

namespace FedChain.Node;

/// <summary>Log messages of contribution scoring in the node (Node/Contributions), event ids 1150-1199.</summary>
internal static partial class Log
{
    [LoggerMessage(1150, LogLevel.Information, "Plan {PlanId} round {Round}: published our utility report ({Subsets} subsets, {Milliseconds:F1} ms)")]
    public static partial void UtilityReported(ILogger logger, BigInteger planId, int round, int subsets, double milliseconds);

    [LoggerMessage(1151, LogLevel.Warning, "Plan {PlanId} round {Round}: no utility report from us: {Reason}")]
    public static partial void UtilityNotReported(ILogger logger, BigInteger planId, int round, string reason);

    [LoggerMessage(1152, LogLevel.Information, "Plan {PlanId} round {Round}: scores {Hash} from {Reports} of {Members} reports")]
    public static partial void RoundScored(ILogger logger, BigInteger planId, int round, string hash, int reports, int members);

    [LoggerMessage(1153, LogLevel.Warning, "Plan {PlanId} round {Round}: ignored a utility report blob {Blob}: {Problem}")]
    public static partial void ReportRejected(ILogger logger, BigInteger planId, int round, string blob, string problem);

    [LoggerMessage(1154, LogLevel.Information, "Plan {PlanId}: recorded the scores of rounds {First}-{Last}")]
    public static partial void ScoresRecorded(ILogger logger, BigInteger planId, int first, int last);

    [LoggerMessage(1155, LogLevel.Warning, "Plan {PlanId} round {Round}: the chain recorded scores other than ours, or none: {Detail}")]
    public static partial void ScoresDiffer(ILogger logger, BigInteger planId, int round, string detail);

    [LoggerMessage(1156, LogLevel.Warning, "Plan {PlanId}: chain refused our scores transaction: {Reason}")]
    public static partial void ScoresRefused(ILogger logger, BigInteger planId, string reason);

    [LoggerMessage(1157, LogLevel.Warning, "Plan {PlanId}: {What} did not happen within {Seconds} s; going on")]
    public static partial void ScoresWaitTimedOut(ILogger logger, BigInteger planId, string what, double seconds);
}
