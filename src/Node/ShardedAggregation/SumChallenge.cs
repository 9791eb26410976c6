using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FedChain.Node.ShardedAggregation;

/// <summary>
/// A random linear check of a shard sum over the prime field F_p, p = 2^61 - 1. The coefficients r are
/// SHA-256 in counter mode of a seed fixed only after the aggregate being checked was committed, so
/// the aggregator cannot aim a wrong answer at the kernel of r. Each member answers t_i = &lt;r, x_i&gt; mod p
/// for its own shard; an aggregate (S, C) passes when &lt;r, S + 2^32·C&gt; = Σ t_i (mod p).
/// Soundness: the integer vectors S + 2^32·C and Σ x_i have entries below 2^40 &lt; p, so if they differ
/// their difference is non-zero mod p and a uniformly random r misses it with probability 1/p
/// (Schwartz–Zippel); over Z_2^32 itself no such bound holds (a difference 2^31·e_j vanishes for every
/// even r_j), hence the carries and the prime.
/// </summary>
public sealed class SumChallenge
{
    public const ulong Modulus = (1UL << 61) - 1;

    private readonly ulong[] _r;

    private SumChallenge(ulong[] r) => _r = r;

    /// <summary>The coefficients for a shard of <paramref name="length"/> elements from <paramref name="seed"/> (32 bytes).</summary>
    public static SumChallenge From(ReadOnlySpan<byte> seed, int length)
    {
        var r = new ulong[length];
        Span<byte> block = stackalloc byte[40];
        Span<byte> hash = stackalloc byte[32];
        seed.CopyTo(block);
        for (var counter = 0; counter * 4 < length; counter++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(block[32..], (ulong)counter);
            SHA256.HashData(block, hash);
            for (var k = 0; k < 4 && (counter * 4) + k < length; k++)
            {
                // 61 bits; the one value equal to p maps to 0 (bias 2^-61).
                var v = BinaryPrimitives.ReadUInt64LittleEndian(hash[(k * 8)..]) & Modulus;
                r[(counter * 4) + k] = v == Modulus ? 0 : v;
            }
        }

        return new SumChallenge(r);
    }

    public int Length => _r.Length;

    /// <summary>A member's answer for its own shard: &lt;r, x&gt; mod p.</summary>
    public ulong Answer(ReadOnlySpan<uint> x)
    {
        if (x.Length != _r.Length) throw new ArgumentException($"the challenge has {_r.Length} coefficients, the shard {x.Length} elements");
        // Each product is below 2^93, so a UInt128 holds 2^35 of them before it could overflow.
        UInt128 acc = 0;
        for (var j = 0; j < x.Length; j++) acc += (UInt128)_r[j] * x[j];
        return Reduce(acc);
    }

    /// <summary>&lt;r, S + 2^32·C&gt; mod p for an aggregate.</summary>
    public ulong Evaluate(ShardSum aggregate)
    {
        if (aggregate.Sum.Length != _r.Length) throw new ArgumentException($"the challenge has {_r.Length} coefficients, the aggregate {aggregate.Sum.Length} elements");
        UInt128 low = 0, high = 0;
        for (var j = 0; j < _r.Length; j++)
        {
            low += (UInt128)_r[j] * aggregate.Sum[j];
            high += (UInt128)_r[j] * aggregate.Carry[j];
        }

        return AddMod(Reduce(low), MulMod(Reduce(high), 1UL << 32));
    }

    public static ulong AddMod(ulong a, ulong b)
    {
        var s = a + b;
        return s >= Modulus ? s - Modulus : s;
    }

    private static ulong MulMod(ulong a, ulong b) => Reduce((UInt128)a * b);

    private static ulong Reduce(UInt128 value) => (ulong)(value % Modulus);
}
