using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FedChain.Node.Analyses;

/// <summary>
/// Bodies of analysis envelopes: a round's statistics in the 64-bit ring (plain or masked), uint64
/// little-endian per slot; and the hash members vote for a round's sum.
/// </summary>
public static class AnalysisVectors
{
    public static byte[] Body(ReadOnlySpan<ulong> values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
        return bytes;
    }

    /// <summary>The vector, which must have the round's public length.</summary>
    public static ulong[] Read(byte[] body, int expectedLength)
    {
        if (body.Length != expectedLength * 8) throw new InvalidDataException($"statistics body holds {body.Length / 8.0} slots, the round expects {expectedLength}");
        var values = new ulong[expectedLength];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadUInt64LittleEndian(body.AsSpan(i * 8));
        return values;
    }

    /// <summary>SHA-256 of the sum's body: what each member's next commit votes as the round's aggregate.</summary>
    public static byte[] SumHash(ReadOnlySpan<ulong> sum) => SHA256.HashData(Body(sum));
}
