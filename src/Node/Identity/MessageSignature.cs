using System.Text;
using NBitcoin.Secp256k1;
using Nethereum.Util;

namespace FedChain.Node.Identity;

/// <summary>
/// Ethereum-style recoverable secp256k1 signatures over keccak256 of a domain-separated message.
/// The verifier recovers the signer's address; an address is never taken on the sender's word.
/// </summary>
/// <remarks>
/// Digest: keccak256(0x19 || "FedChain " || domain || 0x00 || message), after EIP-191's idea of a
/// leading 0x19 byte so the digest can never be a valid RLP transaction. Signature: 65 bytes r || s || v
/// with v = 27 + recovery id, as eth_sign returns; s must be in the lower half of the curve order (EIP-2),
/// so each message has exactly one valid signature per key.
/// </remarks>
public static class MessageSignature
{
    public const int Length = 65;

    private static readonly byte[] Prefix = [0x19, .. "FedChain "u8];

    /// <summary>The 32-byte digest that is signed for <paramref name="message"/> in <paramref name="domain"/>.</summary>
    public static byte[] Digest(SignatureDomain domain, ReadOnlySpan<byte> message)
    {
        var name = Encoding.ASCII.GetBytes(domain.Name);
        var buffer = new byte[Prefix.Length + name.Length + 1 + message.Length];
        Prefix.CopyTo(buffer, 0);
        name.CopyTo(buffer, Prefix.Length);
        message.CopyTo(buffer.AsSpan(Prefix.Length + name.Length + 1));
        return Sha3Keccack.Current.CalculateHash(buffer);
    }

    /// <summary>Recovers the address that signed <paramref name="message"/>, or returns false for any malformed or non-canonical signature.</summary>
    public static bool TryRecover(SignatureDomain domain, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, out NodeAddress signer)
    {
        signer = default;
        if (signature.Length != Length) return false;
        var v = signature[64];
        if (v is not (27 or 28)) return false;
        if (!SecpRecoverableECDSASignature.TryCreateFromCompact(signature[..64], v - 27, out var recoverable)) return false;
        if (!recoverable.ToSignature().IsLowS()) return false;
        if (!ECPubKey.TryRecover(Context.Instance, recoverable, Digest(domain, message), out var publicKey)) return false;
        signer = AddressOf(publicKey);
        return true;
    }

    /// <summary>The Ethereum address of a public key: the last 20 bytes of keccak256 of its uncompressed X || Y.</summary>
    public static NodeAddress AddressOf(ECPubKey publicKey)
    {
        Span<byte> uncompressed = stackalloc byte[65];
        publicKey.WriteToSpan(compressed: false, uncompressed, out _);
        var hash = Sha3Keccack.Current.CalculateHash(uncompressed[1..].ToArray());
        return NodeAddress.FromBytes(hash.AsSpan(12));
    }

    internal static void WriteSignature(SecpRecoverableECDSASignature signature, Span<byte> destination)
    {
        signature.WriteToSpanCompact(destination[..64], out var recoveryId);
        destination[64] = (byte)(27 + recoveryId);
    }

    private static bool IsLowS(this SecpECDSASignature signature)
    {
        Span<byte> s = stackalloc byte[32];
        signature.s.WriteToSpan(s);
        // Half the secp256k1 group order n, big-endian (EIP-2).
        ReadOnlySpan<byte> halfOrder =
        [
            0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0x5D, 0x57, 0x6E, 0x73, 0x57, 0xA4, 0x50, 0x1D, 0xDF, 0xE9, 0x2F, 0x46, 0x68, 0x1B, 0x20, 0xA0,
        ];
        return s.SequenceCompareTo(halfOrder) <= 0;
    }
}
