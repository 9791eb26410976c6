using System.Buffers;
using System.Buffers.Binary;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Wire;

/// <summary>
/// Cuts frames out of a byte stream. A frame is: length (uint32, big-endian, counting the bytes that
/// follow it) | version (1 byte) | message code (1 byte) | MessagePack body.
/// </summary>
internal static class FrameReader
{
    public const int PrefixLength = 4;
    public const int HeaderLength = PrefixLength + 2;

    /// <summary>Reads one frame from the front of <paramref name="buffer"/> and advances past it.
    /// A frame shorter than its header is returned with an empty body and code 0 (malformed, but skippable).</summary>
    public static FrameParse TryRead(ref ReadOnlySequence<byte> buffer, int maxFrameBytes, out Frame frame)
    {
        frame = default;
        if (buffer.Length < PrefixLength) return FrameParse.NeedMore;
        Span<byte> prefix = stackalloc byte[PrefixLength];
        buffer.Slice(0, PrefixLength).CopyTo(prefix);
        var length = BinaryPrimitives.ReadUInt32BigEndian(prefix);
        if (length > (uint)maxFrameBytes) return FrameParse.Oversize;
        if (buffer.Length < PrefixLength + length) return FrameParse.NeedMore;

        var content = buffer.Slice(PrefixLength, length);
        buffer = buffer.Slice(PrefixLength + length);
        if (length < 2)
        {
            frame = new Frame(0, 0, ReadOnlySequence<byte>.Empty, PrefixLength + (int)length);
            return FrameParse.Frame;
        }

        var reader = new SequenceReader<byte>(content);
        reader.TryRead(out var version);
        reader.TryRead(out var code);
        frame = new Frame(version, (MessageCode)code, content.Slice(2), PrefixLength + (int)length);
        return FrameParse.Frame;
    }
}
