using System.Numerics;
using Microsoft.Extensions.Logging;

namespace FedChain.Node;

/// <summary>Log messages of analysis plans run by the node, event ids 1400-1449.</summary>
internal static partial class Log
{
    [LoggerMessage(1400, LogLevel.Information, "Analysis plan {PlanId}: {Sites} sites, at most {MaxRounds} rounds, secure aggregation {Secure}")]
    public static partial void AnalysisStarted(ILogger logger, BigInteger planId, int sites, int maxRounds, bool secure);

    [LoggerMessage(1401, LogLevel.Information, "Analysis plan {PlanId} round {Round}: summed {Slots} slots from {Sites} sites; {Finished} of {Analyses} analyses finished")]
    public static partial void AnalysisRoundSummed(ILogger logger, BigInteger planId, int round, int slots, int sites, int finished, int analyses);

    [LoggerMessage(1402, LogLevel.Information, "Analysis plan {PlanId} finished after round {Round}: result {ResultHash}, agreed on-chain: {Agreed}")]
    public static partial void AnalysisFinished(ILogger logger, BigInteger planId, int round, string resultHash, bool agreed);

    [LoggerMessage(1403, LogLevel.Warning, "Analysis plan {PlanId} round {Round}: {Problem}")]
    public static partial void AnalysisBlobRejected(ILogger logger, BigInteger planId, int round, string problem);
}
