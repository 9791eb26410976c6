using System.Numerics;
using System.Runtime.InteropServices;

namespace FedChain.Learning.SecureAggregation.Crypto;

/// <summary>
/// Element-wise addition and subtraction of uint32 vectors mod 2^32. Integer arithmetic is exact, so
/// vectorising cannot change the bits (unlike float sums, docs/ARCHITECTURE.md "Determinism").
/// </summary>
public static class UInt32Ring
{
    /// <summary>target += values, mod 2^32.</summary>
    public static void Add(Span<uint> target, ReadOnlySpan<uint> values) => Combine(target, values, subtract: false);

    /// <summary>target -= values, mod 2^32.</summary>
    public static void Subtract(Span<uint> target, ReadOnlySpan<uint> values) => Combine(target, values, subtract: true);

    private static void Combine(Span<uint> target, ReadOnlySpan<uint> values, bool subtract)
    {
        if (target.Length != values.Length)
            throw new ArgumentException($"vectors differ in length: {target.Length} and {values.Length}", nameof(values));
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var targetVectors = MemoryMarshal.Cast<uint, Vector<uint>>(target);
            var valueVectors = MemoryMarshal.Cast<uint, Vector<uint>>(values);
            for (var v = 0; v < targetVectors.Length; v++)
                targetVectors[v] = subtract ? targetVectors[v] - valueVectors[v] : targetVectors[v] + valueVectors[v];
            i = targetVectors.Length * Vector<uint>.Count;
        }
        for (; i < target.Length; i++) target[i] = subtract ? target[i] - values[i] : target[i] + values[i];
    }
}
