namespace FedChain.Contracts.Ledger;

/// <summary>The ledger's fixed-point convention: 1e6 units per 1.0 (epsilon and scores).</summary>
public static class FixedPoint
{
    public const long Scale = 1_000_000;

    /// <summary>Rounds to the nearest micro unit; throws if the value does not fit.</summary>
    public static long ToMicro(double value)
    {
        if (double.IsNaN(value) || Math.Abs(value) > long.MaxValue / (double)Scale)
            throw new ArgumentOutOfRangeException(nameof(value), value, "does not fit the ledger's fixed point (1e6 units, 64 bits)");
        return (long)Math.Round(value * Scale, MidpointRounding.ToEven);
    }

    public static double FromMicro(long micro) => micro / (double)Scale;
}
