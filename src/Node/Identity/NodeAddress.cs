using System.Diagnostics.CodeAnalysis;
using Nethereum.Util;

namespace FedChain.Node.Identity;

/// <summary>
/// A node's identity: the 20-byte Ethereum address of its institution's secp256k1 key.
/// Printed in EIP-55 checksum form; compared byte for byte.
/// </summary>
public readonly struct NodeAddress : IEquatable<NodeAddress>, IComparable<NodeAddress>
{
    public const int Length = 20;

    // 40 lower-case hex digits without 0x; null only for default(NodeAddress).
    private readonly string? _hex;

    private NodeAddress(string lowerHex) => _hex = lowerHex;

    /// <summary>True for default(NodeAddress), which names no node.</summary>
    public bool IsEmpty => _hex is null;

    public static NodeAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length) throw new ArgumentException($"an address has {Length} bytes, got {bytes.Length}", nameof(bytes));
        return new NodeAddress(Convert.ToHexStringLower(bytes));
    }

    /// <summary>Parses "0x" followed by 40 hex digits, in any case.</summary>
    public static NodeAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not an address: expected 0x and 40 hex digits");

    public static bool TryParse([NotNullWhen(true)] string? text, out NodeAddress address)
    {
        var ok = FixedHex.TryNormalise(text, Length, requirePrefix: true, out var hex);
        address = ok ? new NodeAddress(hex) : default;
        return ok;
    }

    public byte[] ToBytes() => Convert.FromHexString(Hex);

    /// <summary>Lower-case "0x..." form, for file names and database keys.</summary>
    public string ToLowerHex() => "0x" + Hex;

    /// <summary>EIP-55 checksum form, as wallets and block explorers print it.</summary>
    public override string ToString() => _hex is null ? "(none)" : AddressUtil.Current.ConvertToChecksumAddress(_hex);

    public bool Equals(NodeAddress other) => string.Equals(_hex, other._hex, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is NodeAddress other && Equals(other);

    public override int GetHashCode() => _hex is null ? 0 : StringComparer.Ordinal.GetHashCode(_hex);

    public int CompareTo(NodeAddress other) => string.CompareOrdinal(_hex, other._hex);

    public static bool operator ==(NodeAddress left, NodeAddress right) => left.Equals(right);

    public static bool operator !=(NodeAddress left, NodeAddress right) => !left.Equals(right);

    public static bool operator <(NodeAddress left, NodeAddress right) => left.CompareTo(right) < 0;

    public static bool operator >(NodeAddress left, NodeAddress right) => left.CompareTo(right) > 0;

    public static bool operator <=(NodeAddress left, NodeAddress right) => left.CompareTo(right) <= 0;

    public static bool operator >=(NodeAddress left, NodeAddress right) => left.CompareTo(right) >= 0;

    private string Hex => _hex ?? throw new InvalidOperationException("this address is empty");
}
