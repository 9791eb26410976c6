using System.Buffers.Binary;

namespace FedChain.Node.ShardedAggregation;

/// <summary>
/// One shard's aggregate: the element-wise sum mod 2^32 (what the round needs, so masks cancel) and the
/// carry of each element (how many times the integer sum wrapped), which the sum check needs: it tests
/// Sum + 2^32·Carry, the integer sum, against the members' answers modulo a prime.
/// Blob layout: u32 element count, then the sums (u32 little-endian), then one carry byte per element.
/// </summary>
public sealed class ShardSum(uint[] sum, byte[] carry)
{
    /// <summary>A carry is one byte, so at most 256 vectors go into one sum.</summary>
    public const int MaxContributors = 256;

    public uint[] Sum { get; } = sum;

    public byte[] Carry { get; } = carry;

    /// <summary>Adds the vectors element by element; plain integer loops in index order (bit-identical everywhere).</summary>
    public static ShardSum Of(IReadOnlyList<uint[]> vectors, int length)
    {
        if (vectors.Count > MaxContributors) throw new ArgumentException($"at most {MaxContributors} vectors in one shard sum, got {vectors.Count}");
        var wide = new ulong[length];
        foreach (var vector in vectors)
        {
            if (vector.Length != length) throw new ArgumentException($"a shard vector has {vector.Length} elements, the shard {length}");
            for (var j = 0; j < length; j++) wide[j] += vector[j];
        }

        var sum = new uint[length];
        var carry = new byte[length];
        for (var j = 0; j < length; j++)
        {
            sum[j] = (uint)wide[j];
            carry[j] = (byte)(wide[j] >> 32);
        }

        return new ShardSum(sum, carry);
    }

    public byte[] Encode()
    {
        var bytes = new byte[4 + (Sum.Length * 5)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Sum.Length);
        ShardVector.Write(Sum, bytes.AsSpan(4));
        Carry.CopyTo(bytes.AsSpan(4 + (Sum.Length * 4)));
        return bytes;
    }

    /// <summary>Reads an aggregate blob; <see cref="InvalidDataException"/> when it is not one of <paramref name="length"/> elements.</summary>
    public static ShardSum Decode(ReadOnlySpan<byte> bytes, int length)
    {
        if (bytes.Length != 4 + ((long)length * 5) || BinaryPrimitives.ReadInt32LittleEndian(bytes) != length)
        {
            throw new InvalidDataException($"an aggregate of {length} elements has {4 + ((long)length * 5)} bytes, got {bytes.Length}");
        }

        return new ShardSum(ShardVector.Read(bytes.Slice(4, length * 4)), bytes.Slice(4 + (length * 4), length).ToArray());
    }
}
