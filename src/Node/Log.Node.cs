using System.Numerics;
using Microsoft.Extensions.Logging;

namespace FedChain.Node;

/// <summary>Log messages of the running node (agent, rounds, audit), event ids 1000-1999.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Node {Address} ({Site}) started; chain {Rpc}")]
    public static partial void NodeStarted(ILogger logger, string address, string site, string rpc);

    [LoggerMessage(1002, LogLevel.Warning, "Chain poll failed: {Detail}")]
    public static partial void ChainPollFailed(ILogger logger, string detail);

    [LoggerMessage(1003, LogLevel.Information, "Plan {PlanId}: taking part")]
    public static partial void PlanJoined(ILogger logger, BigInteger planId);

    [LoggerMessage(1004, LogLevel.Warning, "Plan {PlanId} refused: {Reason}")]
    public static partial void PlanRefused(ILogger logger, BigInteger planId, string reason);

    [LoggerMessage(1005, LogLevel.Warning, "Plan {PlanId} round {Round}: chain refused our transaction: {Reason}")]
    public static partial void CommitRefused(ILogger logger, BigInteger planId, int round, string reason);

    [LoggerMessage(1006, LogLevel.Information, "Plan {PlanId} round {Round}: deadline passed, asked the chain to close the round")]
    public static partial void AdvancedPastDeadline(ILogger logger, BigInteger planId, int round);

    [LoggerMessage(1007, LogLevel.Warning, "Plan {PlanId} round {Round}: excluded the blob committed by {Member}: {Problem}")]
    public static partial void BlobExcluded(ILogger logger, BigInteger planId, int round, string member, string problem);

    [LoggerMessage(1008, LogLevel.Warning, "Plan {PlanId} round {Round}: still waiting for the committed blobs of {Members}")]
    public static partial void BlobStillMissing(ILogger logger, BigInteger planId, int round, string members);

    [LoggerMessage(1009, LogLevel.Information, "Plan {PlanId} finished, final model {ModelHash}")]
    public static partial void PlanFinished(ILogger logger, BigInteger planId, string modelHash);

    [LoggerMessage(1010, LogLevel.Error, "Plan {PlanId} failed")]
    public static partial void PlanFailed(ILogger logger, BigInteger planId, Exception exception);

    [LoggerMessage(1012, LogLevel.Warning, "Plan {PlanId} cancelled by governance: stopped")]
    public static partial void PlanCancelled(ILogger logger, BigInteger planId);

    [LoggerMessage(1011, LogLevel.Information, "Published plan document {PlanHash} from {File}")]
    public static partial void PlanPublished(ILogger logger, string planHash, string file);
}
