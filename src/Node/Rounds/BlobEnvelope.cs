using System.Buffers.Binary;
using FedChain.Node.Identity;

namespace FedChain.Node.Rounds;

/// <summary>
/// A signed blob as members gossip and commit it: what it is, for which plan and round, the sample
/// count the member commits on-chain, the body, and the member's recoverable signature over all of
/// it. The blob's SHA-256 is what goes on-chain, so the chain pins the exact signed bytes.
/// </summary>
/// <remarks>
/// Layout (little-endian): "FCB1" | kind u8 | plan hash 32 | round u32 | sample count u64 |
/// body length u32 | body | signature 65 (r || s || v over everything before it, domain
/// <see cref="Domain"/>). The signer is recovered, never claimed (docs/ARCHITECTURE.md, "Signatures").
/// </remarks>
public sealed record BlobEnvelope(EnvelopeKind Kind, byte[] PlanHash, uint Round, ulong SampleCount, byte[] Body, NodeAddress Signer)
{
    public static readonly SignatureDomain Domain = new("fedchain-blob-v1");

    private static ReadOnlySpan<byte> Magic => "FCB1"u8;
    private const int HeaderLength = 4 + 1 + 32 + 4 + 8 + 4;

    /// <summary>Largest body accepted: 256 MiB, the blob store's own limit.</summary>
    public const int MaxBodyBytes = 256 * 1024 * 1024;

    /// <summary>
    /// The header fields of <paramref name="blob"/>, read without verifying anything (a node sorts the
    /// blobs it holds by kind and plan before opening them); null when it does not start as an envelope.
    /// </summary>
    public static EnvelopeHeader? PeekHeader(ReadOnlySpan<byte> blob) =>
        blob.Length < HeaderLength || !blob[..4].SequenceEqual(Magic) ? null
        : new EnvelopeHeader((EnvelopeKind)blob[4], blob[5..37].ToArray(), BinaryPrimitives.ReadUInt32LittleEndian(blob[37..]), BinaryPrimitives.ReadUInt64LittleEndian(blob[41..]));

    /// <summary>Builds and signs an envelope with <paramref name="key"/>.</summary>
    public static byte[] Seal(NodeKey key, EnvelopeKind kind, byte[] planHash, uint round, ulong sampleCount, ReadOnlySpan<byte> body)
    {
        if (planHash.Length != 32) throw new ArgumentException($"plan hash must be 32 bytes, got {planHash.Length}", nameof(planHash));
        var bytes = new byte[HeaderLength + body.Length + MessageSignature.Length];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        span[4] = (byte)kind;
        planHash.CopyTo(span[5..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[37..], round);
        BinaryPrimitives.WriteUInt64LittleEndian(span[41..], sampleCount);
        BinaryPrimitives.WriteInt32LittleEndian(span[49..], body.Length);
        body.CopyTo(span[HeaderLength..]);
        var signed = span[..(HeaderLength + body.Length)];
        key.Sign(Domain, signed).CopyTo(span[signed.Length..]);
        return bytes;
    }

    /// <summary>Parses and verifies <paramref name="bytes"/>; a clear <see cref="InvalidDataException"/> says what is wrong.</summary>
    public static BlobEnvelope Open(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLength + MessageSignature.Length) throw new InvalidDataException($"blob of {bytes.Length} bytes is shorter than an envelope");
        if (!bytes[..4].SequenceEqual(Magic)) throw new InvalidDataException("blob does not start with the envelope magic FCB1");
        var kind = (EnvelopeKind)bytes[4];
        if (!Enum.IsDefined(kind)) throw new InvalidDataException($"unknown envelope kind {bytes[4]}");
        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[49..]);
        if (bodyLength < 0 || bodyLength > MaxBodyBytes || HeaderLength + bodyLength + MessageSignature.Length != bytes.Length)
            throw new InvalidDataException($"envelope body length {bodyLength} does not match the blob's {bytes.Length} bytes");
        var signed = bytes[..(HeaderLength + bodyLength)];
        if (!MessageSignature.TryRecover(Domain, signed, bytes[signed.Length..], out var signer))
            throw new InvalidDataException("envelope signature does not recover a signer");
        return new BlobEnvelope(kind, bytes[5..37].ToArray(), BinaryPrimitives.ReadUInt32LittleEndian(bytes[37..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[41..]), bytes[HeaderLength..signed.Length].ToArray(), signer);
    }
}
