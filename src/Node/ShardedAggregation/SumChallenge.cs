using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace FedChain.Node.ShardedAggregation;

/// <summary>
/// A random linear check of a shard sum over the prime field F_p, p = 2^61 - 1. The coefficients r are
/// a pseudo-random function of a seed fixed only after the aggregate being checked was committed, so
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

    /// <summary>The coefficients for a shard of <paramref name="length"/> elements from <paramref name="seed"/> (32 bytes):
    /// AES-256 in counter mode under the seed as key, 61 bits of each 8 output bytes (a PRF; hardware AES makes
    /// it cheap next to the transfer).</summary>
    public static SumChallenge From(ReadOnlySpan<byte> seed, int length)
    {
        if (seed.Length != 32) throw new ArgumentException($"a challenge seed has 32 bytes, got {seed.Length}", nameof(seed));
        var counters = new byte[((length + 1) / 2) * 16];
        for (var block = 0; block < counters.Length / 16; block++) BinaryPrimitives.WriteInt64LittleEndian(counters.AsSpan(block * 16), block);
        using var aes = Aes.Create();
        aes.Key = seed.ToArray();
        var stream = aes.EncryptEcb(counters, PaddingMode.None);
        var r = new ulong[length];
        for (var j = 0; j < length; j++)
        {
            // The one 61-bit value equal to p maps to 0 (bias 2^-61).
            var v = BinaryPrimitives.ReadUInt64LittleEndian(stream.AsSpan(j * 8)) & Modulus;
            r[j] = v == Modulus ? 0 : v;
        }

        return new SumChallenge(r);
    }

    public int Length => _r.Length;

    /// <summary>A member's answer for its own shard: &lt;r, x&gt; mod p.</summary>
    public ulong Answer(ReadOnlySpan<uint> x)
    {
        if (x.Length != _r.Length) throw new ArgumentException($"the challenge has {_r.Length} coefficients, the shard {x.Length} elements");
        return Dot<uint>(_r, x);
    }

    /// <summary>&lt;r, S + 2^32·C&gt; mod p for an aggregate.</summary>
    public ulong Evaluate(ShardSum aggregate)
    {
        if (aggregate.Sum.Length != _r.Length) throw new ArgumentException($"the challenge has {_r.Length} coefficients, the aggregate {aggregate.Sum.Length} elements");
        return AddMod(Dot<uint>(_r, aggregate.Sum), MulMod(Dot<byte>(_r, aggregate.Carry), 1UL << 32));
    }

    public static ulong AddMod(ulong a, ulong b)
    {
        var s = a + b;
        return s >= Modulus ? s - Modulus : s;
    }

    private static ulong MulMod(ulong a, ulong b) => Reduce((UInt128)a * b);

    private static ulong Reduce(UInt128 value) => (ulong)(value % Modulus);

    /// <summary>Σ r_j·x_j mod p. Each product is below 2^93; 128-bit accumulation in two words holds 2^35 of them.</summary>
    private static ulong Dot<T>(ReadOnlySpan<ulong> r, ReadOnlySpan<T> x)
        where T : unmanaged, IUnsignedNumber<T>
    {
        ulong low = 0, high = 0;
        for (var j = 0; j < x.Length; j++)
        {
            var h = Math.BigMul(r[j], ulong.CreateTruncating(x[j]), out var l);
            low += l;
            high += h + (low < l ? 1UL : 0UL);
        }

        return Reduce(new UInt128(high, low));
    }
}
