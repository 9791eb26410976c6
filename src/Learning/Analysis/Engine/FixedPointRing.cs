namespace FedChain.Learning.Analysis.Engine;

/// <summary>
/// Statistics travel as 64-bit fixed point in the ring Z_2^64, so they can go through secure
/// aggregation (masks cancel mod 2^64, as the 32-bit ring of model updates does: Bonawitz et al.
/// 2017). A value v at f fractional bits is the integer round(v * 2^f) in two's complement.
/// Exactness: each site rounds its own sum once, so the decoded total is within sites * 2^-(f+1) of
/// the real one, and exact for integer statistics (counts, sums of integer-valued columns). Every
/// block's f is chosen from public bounds (schema ranges, the plan's row bound) so that the total
/// stays below 2^62 in magnitude: no wrap, and 32-bit rings would overflow on sums of squares of
/// lab values (1000^2 x 2^20 rows is 2^40 before any fractional bit).
/// </summary>
public static class FixedPointRing
{
    /// <summary>The largest magnitude a total may reach, so that a sign bit and a guard bit stay free.</summary>
    public const double Limit = 4.611686018427387904e18; // 2^62

    /// <summary>Fractional bits never exceed this: more would only exceed a double's 53-bit mantissa.</summary>
    public const int MaxFractionBits = 48;

    /// <summary>The most fractional bits that keep a total bounded by <paramref name="bound"/> below 2^62.</summary>
    public static int FractionBitsFor(double bound)
    {
        if (!(bound > 0) || double.IsInfinity(bound)) return bound == 0 ? MaxFractionBits : -1000;
        return Math.Min(MaxFractionBits, 61 - (int)Math.Ceiling(Math.Log2(bound)));
    }

    /// <summary>Encodes <paramref name="values"/> at <paramref name="fractionBits"/>; throws when one exceeds the ring's range (its bound was wrong).</summary>
    public static void Encode(ReadOnlySpan<double> values, int fractionBits, Span<ulong> into, string block)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var scaled = Math.Round(Math.ScaleB(values[i], fractionBits), MidpointRounding.ToEven);
            if (!(Math.Abs(scaled) < Limit)) throw new RingOverflowException($"statistic {i} of block '{block}' is outside the 64-bit ring at {fractionBits} fractional bits: its public bound does not hold");
            into[i] = unchecked((ulong)(long)scaled);
        }
    }

    public static double Decode(ulong value, int fractionBits) => Math.ScaleB(unchecked((long)value), -fractionBits);

    /// <summary>sum += v mod 2^64, element-wise (order-free, so every member reaches the same bits).</summary>
    public static void AddInto(Span<ulong> sum, ReadOnlySpan<ulong> v)
    {
        if (sum.Length != v.Length) throw new ArgumentException($"vectors of {sum.Length} and {v.Length} slots cannot be summed");
        for (var i = 0; i < sum.Length; i++) sum[i] = unchecked(sum[i] + v[i]);
    }
}
