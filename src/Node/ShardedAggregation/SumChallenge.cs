using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    /// <summary>2^64 = 2^3·2^61 ≡ 8 (mod 2^61 - 1).</summary>
    private const ulong TwoTo64ModP = 8;

    private readonly ulong[] _r;

    private SumChallenge(ulong[] r) => _r = r;

    /// <summary>The coefficients for a shard of <paramref name="length"/> elements from <paramref name="seed"/> (32 bytes):
    /// AES-256 in counter mode under the seed as key, 61 bits of each 8 output bytes (a PRF; hardware AES makes
    /// it cheap next to the transfer).</summary>
    public static SumChallenge From(ReadOnlySpan<byte> seed, int length)
    {
        if (seed.Length != 32) throw new ArgumentException($"a challenge seed has 32 bytes, got {seed.Length}", nameof(seed));
        // The counter blocks are written into r itself and encrypted in place (one array rather than three: at N = 25 the
        // fresh pages of the other two were a fifth of the aggregation's CPU, the kernel zeroing them); an odd
        // length leaves half a block, done on the stack.
        var r = new ulong[length];
        var whole = MemoryMarshal.AsBytes(r.AsSpan(0, length & ~1));
        for (var block = 0; block < whole.Length / 16; block++) WriteCounter(whole.Slice(block * 16, 16), block);
        using var aes = Aes.Create();
        aes.Key = seed.ToArray();
        aes.EncryptEcb(whole, whole, PaddingMode.None);
        if (length % 2 == 1)
        {
            Span<byte> last = stackalloc byte[16];
            WriteCounter(last, length / 2);
            aes.EncryptEcb(last, last, PaddingMode.None);
            r[length - 1] = BinaryPrimitives.ReadUInt64LittleEndian(last);
        }

        for (var j = 0; j < length; j++)
        {
            // 61 bits of each 8 output bytes; the one 61-bit value equal to p maps to 0 (bias 2^-61).
            var v = BinaryPrimitives.ReadUInt64LittleEndian(MemoryMarshal.AsBytes(r.AsSpan(j, 1))) & Modulus;
            r[j] = v == Modulus ? 0 : v;
        }

        return new SumChallenge(r);
    }

    public int Length => _r.Length;

    /// <summary>Counter block <paramref name="block"/>: its index little-endian in the first 8 bytes, zeros after.</summary>
    private static void WriteCounter(Span<byte> destination, long block)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, block);
        destination[8..].Clear();
    }

    /// <summary>A member's answer for its own shard: &lt;r, x&gt; mod p.</summary>
    public ulong Answer(ReadOnlySpan<uint> x)
    {
        if (x.Length != _r.Length) throw new ArgumentException($"the challenge has {_r.Length} coefficients, the shard {x.Length} elements");
        return Dot(_r, x);
    }

    /// <summary>&lt;r, S + 2^32·C&gt; mod p for an aggregate.</summary>
    public ulong Evaluate(ShardSum aggregate)
    {
        if (aggregate.Sum.Length != _r.Length) throw new ArgumentException($"the challenge has {_r.Length} coefficients, the aggregate {aggregate.Sum.Length} elements");
        return AddMod(Dot(_r, aggregate.Sum), MulMod(Dot<byte>(_r, aggregate.Carry), 1UL << 32));
    }

    public static ulong AddMod(ulong a, ulong b)
    {
        var s = a + b;
        return s >= Modulus ? s - Modulus : s;
    }

    private static ulong MulMod(ulong a, ulong b) => Reduce((UInt128)a * b);

    private static ulong Reduce(UInt128 value) => (ulong)(value % Modulus);

    /// <summary>Σ r_j·x_j mod p for 32-bit x, four lanes at a time where the machine has 256-bit vectors: each r_j is
    /// split as a·2^32 + b (a &lt; 2^29, b &lt; 2^32), so a·x and b·x are exact 64-bit products; their low and high
    /// 32-bit halves go to four lane sums, each term below 2^32, so a lane holds 2^32 terms without overflow, and
    /// Σ = S_bl + 2^32·(S_bh + S_al) + 2^64·S_ah. Integer arithmetic only: the same value on every machine.</summary>
    internal static ulong Dot(ReadOnlySpan<ulong> r, ReadOnlySpan<uint> x)
    {
        var vectors = Vector256.IsHardwareAccelerated ? x.Length / Vector256<uint>.Count : 0;
        if (vectors == 0) return Dot<uint>(r, x);
        var sums = new LaneSums();
        var xs = MemoryMarshal.Cast<uint, Vector256<uint>>(x);
        var rs = MemoryMarshal.Cast<ulong, Vector256<ulong>>(r);
        for (var v = 0; v < vectors; v++)
        {
            // Eight elements: the lower four widened against r's first vector, the upper four against its second.
            var (lower, upper) = Vector256.Widen(xs[v]);
            sums.Add(rs[2 * v], lower);
            sums.Add(rs[(2 * v) + 1], upper);
        }

        var done = vectors * Vector256<uint>.Count;
        return AddMod(sums.Total(), Dot<uint>(r[done..], x[done..]));
    }

    /// <summary>The four lane sums of <see cref="Dot(ReadOnlySpan{ulong}, ReadOnlySpan{uint})"/>.</summary>
    private struct LaneSums
    {
        private static readonly Vector256<ulong> Low32 = Vector256.Create(0xFFFF_FFFFUL);

        private Vector256<ulong> _bLow, _bHigh, _aLow, _aHigh;

        /// <summary>r and x four lanes each, x below 2^32.</summary>
        public void Add(Vector256<ulong> r, Vector256<ulong> x)
        {
            var b = (r & Low32) * x;
            var a = (r >> 32) * x;
            _bLow += b & Low32;
            _bHigh += b >> 32;
            _aLow += a & Low32;
            _aHigh += a >> 32;
        }

        public readonly ulong Total()
        {
            var middle = AddMod(Reduce(Sum(_bHigh)), Reduce(Sum(_aLow)));
            return AddMod(AddMod(Reduce(Sum(_bLow)), MulMod(middle, 1UL << 32)), MulMod(Reduce(Sum(_aHigh)), TwoTo64ModP));
        }

        private static UInt128 Sum(Vector256<ulong> lanes) => (UInt128)lanes[0] + lanes[1] + lanes[2] + lanes[3];
    }

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
