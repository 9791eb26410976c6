namespace FedChain.Contracts.Client;

/// <summary>How a <see cref="ChainClient"/> retries, waits for receipts and pages event logs.</summary>
public sealed class ChainClientOptions
{
    /// <summary>Attempts for a transient failure (endpoint unreachable, nonce taken by another
    /// sender) before the error surfaces. Default 4; at least 1.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; it doubles on each attempt, with jitter. Default 200 ms.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a sent transaction may take to be mined. Default 2 minutes.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Receipt polling interval. Default 50 ms: anvil mines at once; on a chain with
    /// multi-second blocks raise it.</summary>
    public TimeSpan ReceiptPollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Gas limit added on top of the node's estimate, in percent. Default 25.</summary>
    public int GasMarginPercent { get; set; } = 25;

    /// <summary>Blocks per <c>eth_getLogs</c> request when replaying events. Default 5,000, which
    /// public endpoints generally accept.</summary>
    public int LogPageBlocks { get; set; } = 5_000;

    /// <summary>Send pre-EIP-1559 (type 0) transactions with a gas price, for chains without
    /// base fees (some permissioned networks). Default false.</summary>
    public bool LegacyTransactions { get; set; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public ChainClientOptions Validate()
    {
        if (MaxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "must be at least 1");
        if (InitialBackoff < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(InitialBackoff), InitialBackoff, "must not be negative");
        if (ReceiptTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ReceiptTimeout), ReceiptTimeout, "must be positive");
        if (ReceiptPollInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ReceiptPollInterval), ReceiptPollInterval, "must be positive");
        if (GasMarginPercent is < 0 or > 400) throw new ArgumentOutOfRangeException(nameof(GasMarginPercent), GasMarginPercent, "must be within 0..400");
        if (LogPageBlocks < 1) throw new ArgumentOutOfRangeException(nameof(LogPageBlocks), LogPageBlocks, "must be at least 1");
        return this;
    }
}
