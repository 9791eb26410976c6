using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace FedChain.Node.Rounds;

/// <summary>Bodies of <see cref="BlobEnvelope"/>s: fixed-point updates and feature moments.</summary>
public static class EnvelopeBodies
{
    /// <summary>An update vector: uint32 per coordinate, little-endian.</summary>
    public static byte[] Update(uint[] quantised)
    {
        var bytes = new byte[quantised.Length * 4];
        for (var i = 0; i < quantised.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), quantised[i]);
        return bytes;
    }

    public static uint[] ReadUpdate(byte[] body, int expectedLength)
    {
        if (body.Length != expectedLength * 4) throw new InvalidDataException($"update body holds {body.Length / 4.0} coordinates, the plan expects {expectedLength}");
        var values = new uint[expectedLength];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(i * 4));
        return values;
    }

    /// <summary>A site's moments: site name (u16 length, UTF-8), then the moments vector as float64 little-endian.</summary>
    /// <remarks>The site name fixes the order in which every node sums moments, the order
    /// <c>fedchain simulate</c> uses, so both reach the same standardiser bits.</remarks>
    public static byte[] Moments(string site, double[] vector)
    {
        var name = Encoding.UTF8.GetBytes(site);
        if (name.Length > ushort.MaxValue) throw new ArgumentException("site name is too long", nameof(site));
        var bytes = new byte[2 + name.Length + vector.Length * 8];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)name.Length);
        name.CopyTo(bytes, 2);
        for (var i = 0; i < vector.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(2 + name.Length + i * 8), vector[i]);
        return bytes;
    }

    public static (string Site, double[] Vector) ReadMoments(byte[] body)
    {
        if (body.Length < 2) throw new InvalidDataException("moments body is empty");
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(body);
        var rest = body.Length - 2 - nameLength;
        if (rest < 0 || rest % 8 != 0) throw new InvalidDataException($"moments body of {body.Length} bytes is malformed");
        var site = Encoding.UTF8.GetString(body, 2, nameLength);
        var vector = MemoryMarshal.Cast<byte, double>(body.AsSpan(2 + nameLength)).ToArray();
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("big-endian hosts are not supported");
        return (site, vector);
    }
}
