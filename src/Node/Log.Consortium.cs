using System.Numerics;
using Microsoft.Extensions.Logging;

namespace FedChain.Node;

/// <summary>Log messages of the node's consortium operations (consent, offered plans, evaluations, status server), event ids 1300-1399.</summary>
internal static partial class Log
{
    [LoggerMessage(1301, LogLevel.Information, "Plan {PlanId}: {Status}: {Reason}")]
    public static partial void PlanConsent(ILogger logger, BigInteger planId, string status, string reason);

    [LoggerMessage(1302, LogLevel.Information, "Fetching the plan document {PlanHash} of proposal {ProposalId} for review")]
    public static partial void ProposedPlanFetching(ILogger logger, string planHash, BigInteger proposalId);

    [LoggerMessage(1303, LogLevel.Information, "Plan {PlanId}: pinned the evaluation of the final model, blob {Blob}")]
    public static partial void EvaluationPinned(ILogger logger, BigInteger planId, string blob);

    [LoggerMessage(1304, LogLevel.Warning, "Plan {PlanId}: could not pin the evaluation: {Reason}")]
    public static partial void EvaluationNotPinned(ILogger logger, BigInteger planId, string reason);

    [LoggerMessage(1308, LogLevel.Warning, "Plan {PlanId}: not every participant's evaluation arrived within a commit window; a release report counts those that did")]
    public static partial void EvaluationsIncomplete(ILogger logger, BigInteger planId);

    [LoggerMessage(1305, LogLevel.Information, "Status page and /metrics at {Url}")]
    public static partial void StatusServing(ILogger logger, string url);

    [LoggerMessage(1306, LogLevel.Information, "Registry endpoint updated from {Old} to the advertised {New}")]
    public static partial void EndpointAdvertised(ILogger logger, string old, string @new);

    [LoggerMessage(1307, LogLevel.Warning, "Background task {Task} failed")]
    public static partial void BackgroundFailed(ILogger logger, string task, Exception exception);
}
