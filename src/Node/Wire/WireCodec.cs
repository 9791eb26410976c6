using System.Buffers;
using System.Buffers.Binary;
using FedChain.Node.Wire.V1;
using MessagePack;

namespace FedChain.Node.Wire;

/// <summary>Encodes messages into frames and decodes frame bodies, strictly: unknown codes,
/// trailing bytes and out-of-range fields are all malformed.</summary>
internal static class WireCodec
{
    /// <summary>The protocol version this code speaks (Wire/V1).</summary>
    public const byte Version = 1;

    // UntrustedData: collision-resistant hashing and a nesting-depth limit for bytes from peers.
    private static readonly MessagePackSerializerOptions Options =
        MessagePackSerializerOptions.Standard.WithSecurity(MessagePackSecurity.UntrustedData);

    /// <summary>The whole frame for <paramref name="message"/>: length prefix, version, code, body.</summary>
    public static byte[] Encode(IWireMessage message)
    {
        var frame = EncodeFrame(message);
        var bytes = frame.Bytes.ToArray();
        frame.Return();
        return bytes;
    }

    /// <summary>The frame in a pooled buffer, to be returned with <see cref="OutboundFrame.Return"/> once written.</summary>
    internal static OutboundFrame EncodeFrame(IWireMessage message)
    {
        var writer = new FrameBufferWriter(message is Chunk chunk ? chunk.Data.Length + 64 : 256);
        writer.Advance(FrameReader.HeaderLength);
        if (message is Chunk c)
        {
            var body = new MessagePackWriter(writer);
            ChunkCodec.Write(ref body, c);
            body.Flush();
        }
        else
        {
            MessagePackSerializer.Serialize(message.GetType(), writer, message, Options);
        }

        BinaryPrimitives.WriteUInt32BigEndian(writer.Buffer, (uint)(writer.Length - FrameReader.PrefixLength));
        writer.Buffer[4] = Version;
        writer.Buffer[5] = (byte)message.Code;
        return new OutboundFrame(writer.Buffer, writer.Length, message.Code, Pooled: true);
    }

    public static IWireMessage Decode(Frame frame)
    {
        if (frame.Version != Version) throw new MalformedFrameException($"unsupported protocol version {frame.Version}");
        IWireMessage message = frame.Code switch
        {
            MessageCode.Hello => Read<Hello>(frame.Body),
            MessageCode.Publish => Read<Publish>(frame.Body),
            MessageCode.Graft => Read<Graft>(frame.Body),
            MessageCode.Prune => Read<Prune>(frame.Body),
            MessageCode.IHave => Read<IHave>(frame.Body),
            MessageCode.IWant => Read<IWant>(frame.Body),
            MessageCode.BlobHave => Read<BlobHave>(frame.Body),
            MessageCode.ManifestRequest => Read<ManifestRequest>(frame.Body),
            MessageCode.Manifest => Read<Manifest>(frame.Body),
            MessageCode.ChunkRequest => Read<ChunkRequest>(frame.Body),
            MessageCode.Chunk => ReadChunk(frame.Body),
            MessageCode.BlobMissing => Read<BlobMissing>(frame.Body),
            MessageCode.PeerExchange => Read<PeerExchange>(frame.Body),
            _ => throw new MalformedFrameException($"unknown message code 0x{(byte)frame.Code:x2}"),
        };
        try
        {
            message.Validate();
        }
        catch (MalformedFrameException)
        {
            (message as Chunk)?.Release();
            throw;
        }

        return message;
    }

    private static T Read<T>(ReadOnlySequence<byte> body) =>
        Strictly(body, (ref MessagePackReader reader) => Options.Resolver.GetFormatterWithVerify<T>().Deserialize(ref reader, Options));

    private static Chunk ReadChunk(ReadOnlySequence<byte> body) => Strictly(body, ChunkCodec.Read);

    /// <summary>Runs <paramref name="read"/> over the whole body: any decoding error or trailing byte is malformed.</summary>
    private static T Strictly<T>(ReadOnlySequence<byte> body, ReadBody<T> read)
    {
        var reader = new MessagePackReader(body);
        T value;
        try
        {
            value = read(ref reader);
        }
        catch (MessagePackSerializationException e)
        {
            throw new MalformedFrameException($"{typeof(T).Name} does not decode: {e.Message}", e);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidOperationException or ArgumentException or OverflowException)
        {
            throw new MalformedFrameException($"{typeof(T).Name} does not decode: {e.Message}", e);
        }

        if (!reader.End)
        {
            (value as Chunk)?.Release();
            throw new MalformedFrameException($"{typeof(T).Name} has trailing bytes");
        }

        return value ?? throw new MalformedFrameException($"{typeof(T).Name} is nil");
    }

    private delegate T ReadBody<out T>(ref MessagePackReader reader);
}
