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
        var body = MessagePackSerializer.Serialize(message.GetType(), message, Options);
        var frame = new byte[FrameReader.HeaderLength + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)(body.Length + 2));
        frame[4] = Version;
        frame[5] = (byte)message.Code;
        body.CopyTo(frame, FrameReader.HeaderLength);
        return frame;
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
            MessageCode.Chunk => Read<Chunk>(frame.Body),
            MessageCode.BlobMissing => Read<BlobMissing>(frame.Body),
            MessageCode.PeerExchange => Read<PeerExchange>(frame.Body),
            _ => throw new MalformedFrameException($"unknown message code 0x{(byte)frame.Code:x2}"),
        };
        message.Validate();
        return message;
    }

    private static T Read<T>(ReadOnlySequence<byte> body)
    {
        var reader = new MessagePackReader(body);
        T value;
        try
        {
            value = Options.Resolver.GetFormatterWithVerify<T>().Deserialize(ref reader, Options);
        }
        catch (MessagePackSerializationException e)
        {
            throw new MalformedFrameException($"{typeof(T).Name} does not decode: {e.Message}", e);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidOperationException or ArgumentException or OverflowException)
        {
            throw new MalformedFrameException($"{typeof(T).Name} does not decode: {e.Message}", e);
        }

        if (!reader.End) throw new MalformedFrameException($"{typeof(T).Name} has trailing bytes");
        return value ?? throw new MalformedFrameException($"{typeof(T).Name} is nil");
    }
}
