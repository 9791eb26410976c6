namespace FedChain.Learning.Contribution;

/// <summary>
/// Utilities, scores and their totals as int64 in units of 1e-9 (a utility of 0.8125 is 812,500,000),
/// the form reports carry and the chain records. Every step after a member's own evaluation is
/// integer arithmetic, so every node and every auditor gets the same numbers.
/// </summary>
public static class ScoreUnits
{
    /// <summary>Units per 1.0 of utility.</summary>
    public const long Scale = 1_000_000_000;

    /// <summary>round(value * 1e9), half to even; refuses values that are not finite or do not fit.</summary>
    public static long FromDouble(double value)
    {
        var scaled = Math.Round(value * Scale, MidpointRounding.ToEven);
        if (!double.IsFinite(scaled) || Math.Abs(scaled) >= 9.2e18) throw new ArgumentOutOfRangeException(nameof(value), value, "a utility must be finite and below 9.2e9 in magnitude");
        return (long)scaled;
    }

    public static double ToDouble(long units) => (double)units / Scale;

    /// <summary>numerator / denominator rounded to the nearest integer, halves away from zero; the one rounding rule of scoring.</summary>
    public static long Divide(Int128 numerator, Int128 denominator)
    {
        if (denominator <= 0) throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "the divisor must be positive");
        var magnitude = (Int128.Abs(numerator) * 2 + denominator) / (denominator * 2);
        return checked((long)(numerator < 0 ? -magnitude : magnitude));
    }
}
