using System.Buffers;
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
    private const byte Answers = 3;

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
                writer.WriteArrayHeader(c.Answers.Count);
                foreach (var answer in c.Answers)
                {
                    writer.WriteArrayHeader(2);
                    writer.Write(Convert.FromHexString(answer.Claim));
                    writer.Write(answer.Value);
                }

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

    private static ChallengeAnswers ReadAnswers(ref MessagePackReader reader)
    {
        Expect(reader.ReadArrayHeader(), 2);
        var session = ReadString(ref reader);
        var count = Count(ref reader);
        var answers = new ChallengeAnswer[count];
        for (var i = 0; i < count; i++)
        {
            Expect(reader.ReadArrayHeader(), 2);
            var claim = Convert.ToHexStringLower(ReadBytes(ref reader, ChallengeAnswer.RefBytes));
            var value = reader.ReadUInt64();
            if (value >= SumChallenge.Modulus) throw new InvalidDataException($"an answer {value} is not below the modulus");
            answers[i] = new ChallengeAnswer(claim, value);
        }

        return new ChallengeAnswers(session, answers);
    }

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
