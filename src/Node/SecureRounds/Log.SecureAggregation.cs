using System.Numerics;
using Microsoft.Extensions.Logging;

namespace FedChain.Node;

/// <summary>Log messages of secure aggregation in the node, event ids 1200-1249.</summary>
internal static partial class Log
{
    [LoggerMessage(1200, LogLevel.Information, "Plan {PlanId}: secure aggregation keys and shares exchanged for {Rounds} rounds as slot {Slot} of {Members}")]
    public static partial void SecAggKeysExchanged(ILogger logger, BigInteger planId, int rounds, int slot, int members);

    [LoggerMessage(1201, LogLevel.Warning, "Plan {PlanId} round {Round}: not taking part in secure aggregation: {Reason}")]
    public static partial void SecAggNotTakingPart(ILogger logger, BigInteger planId, int round, string reason);

    [LoggerMessage(1202, LogLevel.Warning, "Plan {PlanId} round {Round}: the round cannot be unmasked, the model stays as it was: {Reason}")]
    public static partial void SecAggRoundFailed(ILogger logger, BigInteger planId, int round, string reason);

    [LoggerMessage(1203, LogLevel.Information, "Plan {PlanId} round {Round}: unmasked the sum of {Survivors} masked updates with {Answers} answers ({Dropped} dropped after sharing)")]
    public static partial void SecAggUnmasked(ILogger logger, BigInteger planId, int round, int survivors, int answers, int dropped);

    [LoggerMessage(1204, LogLevel.Warning, "Plan {PlanId} round {Round}: secure-aggregation blob {Blob} from {Member} rejected: {Problem}")]
    public static partial void SecAggBlobRejected(ILogger logger, BigInteger planId, int round, string blob, string member, string problem);

    [LoggerMessage(1205, LogLevel.Information, "Plan {PlanId}: secure-aggregation secrets of slot {Slot} restored from disk; rejoining the plan")]
    public static partial void SecAggRestored(ILogger logger, BigInteger planId, int slot);
}
