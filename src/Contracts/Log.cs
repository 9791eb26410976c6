using Microsoft.Extensions.Logging;

namespace FedChain.Contracts;

/// <summary>The chain area's log messages; event ids 3xxx (docs/ARCHITECTURE.md, "Logging").</summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Debug, "{Operation}: sent {TransactionHash} with nonce {Nonce}")]
    public static partial void TransactionSent(this ILogger logger, string operation, string transactionHash, System.Numerics.BigInteger nonce);

    [LoggerMessage(3002, LogLevel.Debug, "{Operation}: mined {TransactionHash} in block {Block}, gas {GasUsed}")]
    public static partial void TransactionMined(this ILogger logger, string operation, string transactionHash, ulong block, long gasUsed);

    [LoggerMessage(3003, LogLevel.Warning, "{Operation}: attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(this ILogger logger, string operation, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(3004, LogLevel.Information, "Account {Account}: nonce taken by another sender; resynchronising")]
    public static partial void NonceConflict(this ILogger logger, string account);

    [LoggerMessage(3005, LogLevel.Information, "Deployed {Contract} at {Address} (gas {GasUsed})")]
    public static partial void ContractDeployed(this ILogger logger, string contract, string address, long gasUsed);

    [LoggerMessage(3006, LogLevel.Debug, "Read {Count} events from blocks {From}..{To}")]
    public static partial void EventsRead(this ILogger logger, int count, ulong from, ulong to);

    [LoggerMessage(3007, LogLevel.Warning, "Receipt poll for {TransactionHash} failed ({Reason}); polling on")]
    public static partial void ReceiptPollFailed(this ILogger logger, string transactionHash, string reason);
}
