using System.Numerics;
using System.Runtime.InteropServices;

namespace FedChain.Learning.SecureAggregation.Crypto;

/// <summary>
/// Element-wise addition and subtraction of vectors of w-bit words mod 2^w: uint32 (Z_2^32, model
/// updates) and uint64 (Z_2^64, analysis statistics). Integer arithmetic is exact, so vectorising
/// cannot change the bits (unlike float sums, docs/ARCHITECTURE.md "Determinism").
/// </summary>
public static class RingVectors
{
    /// <summary>target += values, mod 2^w.</summary>
    public static void Add<T>(Span<T> target, ReadOnlySpan<T> values)
        where T : unmanaged, IBinaryInteger<T> => Combine(target, values, subtract: false);

    /// <summary>target -= values, mod 2^w.</summary>
    public static void Subtract<T>(Span<T> target, ReadOnlySpan<T> values)
        where T : unmanaged, IBinaryInteger<T> => Combine(target, values, subtract: true);

    private static void Combine<T>(Span<T> target, ReadOnlySpan<T> values, bool subtract)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (target.Length != values.Length)
            throw new ArgumentException($"vectors differ in length: {target.Length} and {values.Length}", nameof(values));
        var i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            var targetVectors = MemoryMarshal.Cast<T, Vector<T>>(target);
            var valueVectors = MemoryMarshal.Cast<T, Vector<T>>(values);
            for (var v = 0; v < targetVectors.Length; v++)
                targetVectors[v] = subtract ? targetVectors[v] - valueVectors[v] : targetVectors[v] + valueVectors[v];
            i = targetVectors.Length * Vector<T>.Count;
        }
        // unchecked: the words wrap mod 2^w
        for (; i < target.Length; i++) target[i] = subtract ? unchecked(target[i] - values[i]) : unchecked(target[i] + values[i]);
    }
}
