using System.Buffers;
using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>Writes and reads <see cref="Chunk"/> as the MessagePack array [bin id, int index, bin data],
/// byte for byte what the generated formatters would produce, with the data in pooled buffers (<see cref="FrameBuffers"/>).</summary>
internal static class ChunkCodec
{
    public static void Write(ref MessagePackWriter writer, Chunk chunk)
    {
        writer.WriteArrayHeader(3);
        writer.Write(chunk.Id);
        writer.Write(chunk.Index);
        writer.Write(chunk.Data.Span);
    }

    /// <summary>Reads a chunk; its data is copied into a rented array that <see cref="Chunk.Release"/> returns.</summary>
    public static Chunk Read(ref MessagePackReader reader)
    {
        if (reader.ReadArrayHeader() != 3) throw new MalformedFrameException("Chunk must be an array of 3");
        var id = reader.ReadBytes()?.ToArray() ?? throw new MalformedFrameException("Chunk.Id is nil");
        var index = reader.ReadInt32();
        var data = reader.ReadBytes() ?? throw new MalformedFrameException("Chunk.Data is nil");
        var length = checked((int)data.Length);
        var pooled = FrameBuffers.Pool.Rent(Math.Max(length, 1));
        data.CopyTo(pooled);
        return new Chunk(id, index, pooled, length);
    }
}
