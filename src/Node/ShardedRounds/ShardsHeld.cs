using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using FedChain.Node.Blobs;
using MessagePack;

namespace FedChain.Node.ShardedRounds;

/// <summary>
/// A node's signed word (over gossip, <see cref="ShardHoldings.Topic"/>) that it holds some shards of round
/// <see cref="Session"/>, each checked to have the size its place in the layout gives: the evidence the other members
/// need before a member's point-to-point shards count as available (docs/network.md, "Who holds what").
/// </summary>
/// <remarks>
/// Every node receives every keeper's word, about N shards each: N² ids a round. So a shard is named by a 12-byte tag,
/// SHA-256(salt ‖ id) cut short, under a 16-byte salt the sender draws at random for each message, rather than by its
/// 32-byte id. The salt is what makes the short tag safe: unsalted, a member could grind two of its own shards to share a
/// 12-byte prefix (a birthday search, 2^48) and give a keeper only one, which would then vouch for both. A shard listed is
/// fixed by its member's commit, and the salt is drawn after the sender held the shard; a shard committed later must hit
/// one of at most <see cref="MaxShards"/> tags under a salt already out: a 96-bit second preimage, 2^84 tries.
/// </remarks>
public sealed class ShardsHeld
{
    /// <summary>At most this many shards in one message (a round has one per participant and member, at most 256 of each).</summary>
    public const int MaxShards = 4096;

    public const int SaltBytes = 16;

    public const int TagBytes = 12;

    private const int MaxSessionLength = 256;

    private readonly byte[] _salt;
    private readonly byte[] _tags;
    private readonly HashSet<UInt128> _listed;
    private readonly ConcurrentDictionary<BlobId, bool> _asked = new();

    private ShardsHeld(string session, byte[] salt, byte[] tags)
    {
        (Session, _salt, _tags) = (session, salt, tags);
        _listed = [.. Enumerable.Range(0, tags.Length / TagBytes).Select(i => Key(tags.AsSpan(i * TagBytes, TagBytes)))];
    }

    public string Session { get; }

    /// <summary>Shards listed.</summary>
    public int Count => _tags.Length / TagBytes;

    /// <summary>The word for <paramref name="shards"/>, under a fresh random salt.</summary>
    public static ShardsHeld Of(string session, IEnumerable<BlobId> shards) => Of(session, shards, RandomNumberGenerator.GetBytes(SaltBytes));

    /// <summary>The word for <paramref name="shards"/> under <paramref name="salt"/> (<see cref="SaltBytes"/> bytes, unpredictable
    /// to the members: see the remarks).</summary>
    public static ShardsHeld Of(string session, IEnumerable<BlobId> shards, byte[] salt)
    {
        if (salt.Length != SaltBytes) throw new ArgumentException($"a salt of {SaltBytes} bytes, got {salt.Length}", nameof(salt));
        var ids = shards.ToList();
        if (ids.Count > MaxShards) throw new ArgumentException($"{ids.Count} shards, over the cap of {MaxShards}", nameof(shards));
        var tags = new byte[ids.Count * TagBytes];
        for (var i = 0; i < ids.Count; i++) Tag(salt, ids[i], tags.AsSpan(i * TagBytes, TagBytes));
        return new ShardsHeld(session, salt, tags);
    }

    /// <summary>Whether this word lists shard <paramref name="id"/>.</summary>
    public bool Lists(BlobId id) => _asked.GetOrAdd(id, (id, self) =>
    {
        Span<byte> tag = stackalloc byte[TagBytes];
        Tag(self._salt, id, tag);
        return self._listed.Contains(Key(tag));
    }, this);

    /// <summary>MessagePack: [session, salt, the tags as one byte string of 12 bytes each].</summary>
    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(3);
        writer.Write(Session);
        writer.Write(_salt);
        writer.Write(_tags);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <exception cref="InvalidDataException">Not a message of this shape, or over its caps.</exception>
    public static ShardsHeld Decode(ReadOnlyMemory<byte> payload)
    {
        var reader = new MessagePackReader(payload);
        try
        {
            if (reader.ReadArrayHeader() != 3) throw new InvalidDataException("a shards-held message is an array of 3");
            var session = reader.ReadString() ?? throw new InvalidDataException("a shards-held message has no session");
            if (session.Length > MaxSessionLength) throw new InvalidDataException($"a session name of {session.Length} characters, over the cap of {MaxSessionLength}");
            var salt = reader.ReadBytes() ?? throw new InvalidDataException("a shards-held message has no salt");
            if (salt.Length != SaltBytes) throw new InvalidDataException($"a salt of {salt.Length} bytes, expected {SaltBytes}");
            var tags = reader.ReadBytes() ?? throw new InvalidDataException("a shards-held message has no shard tags");
            if (tags.Length % TagBytes != 0) throw new InvalidDataException($"shard tags of {tags.Length} bytes, not a multiple of {TagBytes}");
            if (tags.Length > MaxShards * TagBytes) throw new InvalidDataException($"{tags.Length / TagBytes} shard tags, over the cap of {MaxShards}");
            if (!reader.End) throw new InvalidDataException("bytes after a shards-held message");
            return new ShardsHeld(session, salt.ToArray(), tags.ToArray());
        }
        catch (MessagePackSerializationException e)
        {
            throw new InvalidDataException($"a malformed shards-held message: {e.Message}", e);
        }
    }

    private static void Tag(ReadOnlySpan<byte> salt, BlobId id, Span<byte> tag)
    {
        Span<byte> input = stackalloc byte[SaltBytes + BlobId.Length];
        salt.CopyTo(input);
        id.ToBytes().CopyTo(input[SaltBytes..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        hash[..TagBytes].CopyTo(tag);
    }

    private static UInt128 Key(ReadOnlySpan<byte> tag) => new(BinaryPrimitives.ReadUInt64BigEndian(tag), BinaryPrimitives.ReadUInt32BigEndian(tag[8..]));
}
