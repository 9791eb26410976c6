using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace FedChain.Node.ShardedAggregation;

/// <summary>A shard of a quantised (possibly masked) update as blob bytes: its elements as u32 little-endian.</summary>
public static class ShardVector
{
    public static byte[] Encode(ReadOnlySpan<uint> elements)
    {
        var bytes = new byte[elements.Length * 4];
        Write(elements, bytes);
        return bytes;
    }

    public static uint[] Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 4 != 0) throw new InvalidDataException($"a shard vector has a multiple of 4 bytes, got {bytes.Length}");
        var elements = new uint[bytes.Length / 4];
        // On a little-endian machine the blob bytes are the elements: one copy, not a read per element.
        if (BitConverter.IsLittleEndian) bytes.CopyTo(MemoryMarshal.AsBytes(elements.AsSpan()));
        else
        {
            for (var j = 0; j < elements.Length; j++) elements[j] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(j * 4)..]);
        }

        return elements;
    }

    internal static void Write(ReadOnlySpan<uint> elements, Span<byte> destination)
    {
        if (BitConverter.IsLittleEndian) MemoryMarshal.AsBytes(elements).CopyTo(destination);
        else
        {
            for (var j = 0; j < elements.Length; j++) BinaryPrimitives.WriteUInt32LittleEndian(destination[(j * 4)..], elements[j]);
        }
    }
}
