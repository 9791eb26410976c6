namespace FedChain.Learning.Quantisation;

/// <summary>
/// Fixed-point quantisation with seeded stochastic rounding (unbiased: E[q] = x * 2^f), int32 values
/// in two's complement stored as uint32, summed modulo 2^32. Because every coordinate is clipped to
/// <see cref="QuantisationSettings.IntegerBound"/>, the sum of up to MaxMembers updates is the exact
/// integer sum, in any order, on every machine.
/// </summary>
public static class UpdateQuantiser
{
    /// <param name="clipped">How many coordinates hit the clip bound.</param>
    public static uint[] Quantise(ReadOnlySpan<float> values, QuantisationSettings settings, Random random, out int clipped)
    {
        settings.Validate();
        var scale = Math.Pow(2, settings.FixedPointBits);
        var bound = (double)settings.IntegerBound;
        var result = new uint[values.Length];
        clipped = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i])) throw new ArgumentException($"update coordinate {i} is {values[i]}; only finite values can be quantised", nameof(values));
            var x = values[i] * scale;
            var floor = Math.Floor(x);
            // The draw happens for every coordinate, so the random stream never depends on the values.
            var q = floor + (random.NextDouble() < x - floor ? 1 : 0);
            if (Math.Abs(q) > bound) { q = Math.CopySign(bound, q); clipped++; }
            result[i] = unchecked((uint)(int)q);
        }

        return result;
    }

    /// <summary>sum += q, element-wise modulo 2^32.</summary>
    public static void AddInto(uint[] sum, ReadOnlySpan<uint> quantised)
    {
        if (quantised.Length != sum.Length) throw new ArgumentException($"cannot add a vector of {quantised.Length} to a sum of {sum.Length}", nameof(quantised));
        for (var i = 0; i < sum.Length; i++) sum[i] = unchecked(sum[i] + quantised[i]);
    }

    /// <summary>The real-valued mean: (int32)sum / (2^f * totalSamples).</summary>
    public static float[] Dequantise(ReadOnlySpan<uint> sum, QuantisationSettings settings, long totalSamples)
    {
        if (totalSamples <= 0) throw new ArgumentOutOfRangeException(nameof(totalSamples), totalSamples, "the committed sample count must be positive");
        var divisor = Math.Pow(2, settings.FixedPointBits) * totalSamples;
        var result = new float[sum.Length];
        for (var i = 0; i < sum.Length; i++) result[i] = (float)(unchecked((int)sum[i]) / divisor);
        return result;
    }
}
