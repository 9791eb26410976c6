using System.Buffers;
using FedChain.Node.Blobs;
using FedChain.Node.ShardedAggregation;
using MessagePack;

namespace FedChain.Node.ShardedRounds;

/// <summary>
/// A node's signed word (over gossip, <see cref="ShardHoldings.Topic"/>) that it holds <see cref="Shards"/> of round
/// <see cref="Session"/>, each checked to have the size its place in the layout gives: the evidence the other members
/// need before a member's point-to-point shards count as available (docs/network.md, "Who holds what").
/// </summary>
/// <remarks>
/// Shards are named by their 32-byte ids. Salted 12-byte tags (a fresh salt per message) saved 20 bytes a shard, but a
/// receiver can only test a tag by hashing each id it looks for under each message's salt: at N = 50 up to 2,500 words a
/// round (a keeper sends one per 250 ms batch of completed pulls) against up to 2,500 ids, which took the 50-node run's
/// availability past its deadline. Ids merge into one set per keeper (<see cref="ShardHoldings"/>), one lookup each.
/// </remarks>
public sealed record ShardsHeld(string Session, IReadOnlyList<BlobId> Shards)
{
    /// <summary>At most this many shards in one message (a round has one per participant and member, at most 256 of each).</summary>
    public const int MaxShards = 4096;

    private const int MaxSessionLength = 256;

    /// <summary>MessagePack: [session, the shard ids as one byte string of 32 bytes each].</summary>
    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(2);
        writer.Write(Session);
        writer.Write(ShardMessageCodec.EncodeShardList(Shards));
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <exception cref="InvalidDataException">Not a message of this shape, or over its caps.</exception>
    public static ShardsHeld Decode(ReadOnlyMemory<byte> payload)
    {
        var reader = new MessagePackReader(payload);
        try
        {
            if (reader.ReadArrayHeader() != 2) throw new InvalidDataException("a shards-held message is an array of 2");
            var session = reader.ReadString() ?? throw new InvalidDataException("a shards-held message has no session");
            if (session.Length > MaxSessionLength) throw new InvalidDataException($"a session name of {session.Length} characters, over the cap of {MaxSessionLength}");
            var list = reader.ReadBytes() ?? throw new InvalidDataException("a shards-held message has no shard list");
            if (list.Length > MaxShards * BlobId.Length) throw new InvalidDataException($"a shard list of {list.Length} bytes, over the cap of {MaxShards} shards");
            if (!reader.End) throw new InvalidDataException("bytes after a shards-held message");
            return new ShardsHeld(session, ShardMessageCodec.DecodeShardList(list.ToArray()));
        }
        catch (MessagePackSerializationException e)
        {
            throw new InvalidDataException($"a malformed shards-held message: {e.Message}", e);
        }
    }
}
