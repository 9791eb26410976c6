using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FedChain.Learning.Contribution;

/// <summary>
/// A deterministic stream of uniform integers for the sampled permutations: SHA-256 in counter mode
/// over "fedchain-contribution|purpose|seed|round", read as big-endian uint64s. It is written out
/// here rather than taken from <see cref="Random"/>, whose algorithm .NET does not promise to keep,
/// so an auditor can recompute the permutations from the documented rule alone.
/// </summary>
internal sealed class HashStream(string purpose, long seed, int round)
{
    private readonly byte[] _prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"fedchain-contribution|{purpose}|{seed}|{round}|"));
    private readonly byte[] _block = new byte[32];
    private long _counter;
    private int _offset = 32;

    public ulong NextUInt64()
    {
        if (_offset == _block.Length)
        {
            var input = new byte[_prefix.Length + 8];
            _prefix.CopyTo(input, 0);
            BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(_prefix.Length), _counter++);
            SHA256.HashData(input, _block);
            _offset = 0;
        }

        var value = BinaryPrimitives.ReadUInt64BigEndian(_block.AsSpan(_offset));
        _offset += 8;
        return value;
    }

    /// <summary>Uniform in [0, bound) by rejection, so no value is favoured.</summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        var limit = ulong.MaxValue - ulong.MaxValue % (ulong)bound;
        ulong draw;
        do draw = NextUInt64();
        while (draw >= limit);
        return (int)(draw % (ulong)bound);
    }
}
