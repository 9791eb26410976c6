using System.Numerics;
using Microsoft.Extensions.Logging;

namespace FedChain.Node;

/// <summary>Log messages of DP budgets in the node (Node/Privacy), event ids 1100-1199.</summary>
internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "Plan {PlanId} round {Round}: DP-SGD spent epsilon {EpsilonThisRound:G6} this round, {EpsilonSpent:G6} of {EpsilonBudget:G6} in all")]
    public static partial void PrivacySpent(ILogger logger, BigInteger planId, int round, double epsilonThisRound, double epsilonSpent, double epsilonBudget);

    [LoggerMessage(1101, LogLevel.Warning, "Plan {PlanId} round {Round}: not training or committing: {Reason}")]
    public static partial void PrivacyBudgetExhausted(ILogger logger, BigInteger planId, int round, string reason);
}
