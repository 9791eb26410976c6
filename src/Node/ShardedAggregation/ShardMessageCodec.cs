using System.Buffers;
using System.Buffers.Binary;
using FedChain.Node.Blobs;
using MessagePack;

namespace FedChain.Node.ShardedAggregation;

/// <summary>
/// Control messages as gossip payloads: a kind byte, then a MessagePack array of the fields. Decoding
/// is strict (<see cref="InvalidDataException"/> for anything else): the payload comes from the network.
/// </summary>
public static class ShardMessageCodec
{
    private const byte Published = 1;
    private const byte Aggregated = 2;
    private const byte AnswersV1 = 3;

    /// <summary>Answers packed as one byte string of fixed 24-byte entries (16-byte claim reference, 8-byte big-endian value),
    /// where version 1 spent 28 bytes an answer on MessagePack framing: every node receives every member's answer to
    /// every claim, N^2 of them, the one part of the control traffic that grows faster than N. Both versions decode.</summary>
    private const byte Answers = 4;

    private const int AnswerBytes = ChallengeAnswer.RefBytes + sizeof(ulong);

    /// <summary>Lists are capped: a consortium has at most this many members.</summary>
    private const int MaxItems = 4096;

    public static byte[] Encode(IShardMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        switch (message)
        {
            case ShardsPublished p:
                writer.WriteRaw([Published]);
                writer.WriteArrayHeader(3);
                writer.Write(p.Session);
                writer.Write(p.Length);
                writer.Write(EncodeShardList(p.Shards));
                break;
            case ShardAggregated a:
                writer.WriteRaw([Aggregated]);
                writer.WriteArrayHeader(4);
                writer.Write(a.Session);
                writer.Write(a.Shard);
                writer.Write(a.Aggregate.ToBytes());
                writer.Write(a.Participants);
                break;
            case ChallengeAnswers c:
                writer.WriteRaw([Answers]);
                writer.WriteArrayHeader(2);
                writer.Write(c.Session);
                writer.Write(PackAnswers(c.Answers));
                break;
            default:
                throw new ArgumentException($"not a shard message: {message.GetType().Name}", nameof(message));
        }

        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A shard list blob: the shard blob ids, 32 bytes each.</summary>
    public static byte[] EncodeShardList(IReadOnlyList<BlobId> shards) => [.. shards.SelectMany(id => id.ToBytes())];

    public static IReadOnlyList<BlobId> DecodeShardList(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % BlobId.Length != 0) throw new InvalidDataException($"a shard list has a multiple of {BlobId.Length} bytes, got {bytes.Length}");
        var ids = new BlobId[bytes.Length / BlobId.Length];
        for (var i = 0; i < ids.Length; i++) ids[i] = BlobId.FromBytes(bytes.Slice(i * BlobId.Length, BlobId.Length));
        return ids;
    }

    public static IShardMessage Decode(ReadOnlyMemory<byte> payload)
    {
        if (payload.Length < 2) throw new InvalidDataException("a shard message needs a kind byte and a body");
        var reader = new MessagePackReader(payload[1..]);
        try
        {
            IShardMessage message = payload.Span[0] switch
            {
                Published => ReadPublished(ref reader),
                Aggregated => ReadAggregated(ref reader),
                AnswersV1 => ReadAnswersV1(ref reader),
                Answers => ReadAnswers(ref reader),
                var kind => throw new InvalidDataException($"unknown shard message kind {kind}"),
            };
            if (!reader.End) throw new InvalidDataException("trailing bytes after a shard message");
            return message;
        }
        catch (MessagePackSerializationException e)
        {
            throw new InvalidDataException($"malformed shard message: {e.Message}", e);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("truncated shard message", e);
        }
    }

    private static ShardsPublished ReadPublished(ref MessagePackReader reader)
    {
        Expect(reader.ReadArrayHeader(), 3);
        var session = ReadString(ref reader);
        var length = reader.ReadInt32();
        if (length < 0) throw new InvalidDataException($"a negative update length {length}");
        var list = reader.ReadBytes() ?? throw new InvalidDataException("nil bytes");
        if (list.Length > MaxItems * BlobId.Length) throw new InvalidDataException($"a shard list of {list.Length} bytes, over the cap of {MaxItems} shards");
        return new ShardsPublished(session, length, DecodeShardList(list.ToArray()));
    }

    private static ShardAggregated ReadAggregated(ref MessagePackReader reader)
    {
        Expect(reader.ReadArrayHeader(), 4);
        var session = ReadString(ref reader);
        var shard = reader.ReadInt32();
        if (shard < 0) throw new InvalidDataException($"a negative shard index {shard}");
        var aggregate = BlobId.FromBytes(ReadBytes(ref reader, BlobId.Length));
        var participants = ReadBytes(ref reader, 32).ToArray();
        return new ShardAggregated(session, shard, aggregate, participants);
    }

    private static byte[] PackAnswers(IReadOnlyList<ChallengeAnswer> answers)
    {
        var packed = new byte[answers.Count * AnswerBytes];
        for (var i = 0; i < answers.Count; i++)
        {
            var entry = packed.AsSpan(i * AnswerBytes, AnswerBytes);
            if (Convert.FromHexString(answers[i].Claim, entry[..ChallengeAnswer.RefBytes], out _, out var written) != OperationStatus.Done || written != ChallengeAnswer.RefBytes)
            {
                throw new ArgumentException($"a claim reference is {ChallengeAnswer.RefBytes} bytes of hex, got \"{answers[i].Claim}\"", nameof(answers));
            }

            BinaryPrimitives.WriteUInt64BigEndian(entry[ChallengeAnswer.RefBytes..], answers[i].Value);
        }

        return packed;
    }

    private static ChallengeAnswers ReadAnswers(ref MessagePackReader reader)
    {
        Expect(reader.ReadArrayHeader(), 2);
        var session = ReadString(ref reader);
        var packed = (reader.ReadBytes() ?? throw new InvalidDataException("nil bytes")).ToArray();
        if (packed.Length % AnswerBytes != 0) throw new InvalidDataException($"packed answers are a multiple of {AnswerBytes} bytes, got {packed.Length}");
        if (packed.Length / AnswerBytes > MaxItems) throw new InvalidDataException($"{packed.Length / AnswerBytes} answers, over the cap of {MaxItems}");
        var answers = new ChallengeAnswer[packed.Length / AnswerBytes];
        for (var i = 0; i < answers.Length; i++)
        {
            var entry = packed.AsSpan(i * AnswerBytes, AnswerBytes);
            answers[i] = new ChallengeAnswer(Convert.ToHexStringLower(entry[..ChallengeAnswer.RefBytes]), BelowModulus(BinaryPrimitives.ReadUInt64BigEndian(entry[ChallengeAnswer.RefBytes..])));
        }

        return new ChallengeAnswers(session, answers);
    }

    private static ChallengeAnswers ReadAnswersV1(ref MessagePackReader reader)
    {
        Expect(reader.ReadArrayHeader(), 2);
        var session = ReadString(ref reader);
        var count = Count(ref reader);
        var answers = new ChallengeAnswer[count];
        for (var i = 0; i < count; i++)
        {
            Expect(reader.ReadArrayHeader(), 2);
            var claim = Convert.ToHexStringLower(ReadBytes(ref reader, ChallengeAnswer.RefBytes));
            answers[i] = new ChallengeAnswer(claim, BelowModulus(reader.ReadUInt64()));
        }

        return new ChallengeAnswers(session, answers);
    }

    private static ulong BelowModulus(ulong value) =>
        value < SumChallenge.Modulus ? value : throw new InvalidDataException($"an answer {value} is not below the modulus");

    private static int Count(ref MessagePackReader reader)
    {
        var count = reader.ReadArrayHeader();
        if (count > MaxItems) throw new InvalidDataException($"a list of {count} items, over the cap of {MaxItems}");
        return count;
    }

    private static string ReadString(ref MessagePackReader reader) =>
        reader.ReadString() ?? throw new InvalidDataException("a nil string");

    private static ReadOnlySpan<byte> ReadBytes(ref MessagePackReader reader, int length)
    {
        var bytes = reader.ReadBytes() ?? throw new InvalidDataException("nil bytes");
        if (bytes.Length != length) throw new InvalidDataException($"expected {length} bytes, got {bytes.Length}");
        return bytes.ToArray();
    }

    private static void Expect(int got, int expected)
    {
        if (got != expected) throw new InvalidDataException($"expected {expected} fields, got {got}");
    }
}
