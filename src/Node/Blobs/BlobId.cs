using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using FedChain.Node.Identity;

namespace FedChain.Node.Blobs;

/// <summary>A blob's content id: the SHA-256 of its bytes, printed as 64 lower-case hex digits
/// (docs/ARCHITECTURE.md, "Hashes and signatures"). On-chain it is the same 32 bytes as a bytes32.</summary>
public readonly struct BlobId : IEquatable<BlobId>
{
    public const int Length = 32;

    private readonly string? _hex;

    private BlobId(string lowerHex) => _hex = lowerHex;

    public static BlobId Compute(ReadOnlySpan<byte> content) => FromBytes(SHA256.HashData(content));

    public static BlobId FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length) throw new ArgumentException($"a blob id has {Length} bytes, got {bytes.Length}", nameof(bytes));
        return new BlobId(Convert.ToHexStringLower(bytes));
    }

    /// <summary>Parses 64 hex digits, with or without a leading 0x.</summary>
    public static BlobId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a blob id: expected 64 hex digits (SHA-256)");

    public static bool TryParse([NotNullWhen(true)] string? text, out BlobId id)
    {
        var ok = FixedHex.TryNormalise(text, Length, requirePrefix: false, out var hex);
        id = ok ? new BlobId(hex) : default;
        return ok;
    }

    public byte[] ToBytes() => Convert.FromHexString(ToString());

    public override string ToString() => _hex ?? throw new InvalidOperationException("this blob id is empty");

    public bool Equals(BlobId other) => string.Equals(_hex, other._hex, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is BlobId other && Equals(other);

    public override int GetHashCode() => _hex is null ? 0 : StringComparer.Ordinal.GetHashCode(_hex);

    public static bool operator ==(BlobId left, BlobId right) => left.Equals(right);

    public static bool operator !=(BlobId left, BlobId right) => !left.Equals(right);
}
