using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NBitcoin.Secp256k1;

namespace FedChain.Learning.SecureAggregation.Crypto;

/// <summary>
/// The pairwise secrets of Bonawitz et al. 2017 (their key agreement KA.agree): secp256k1 ECDH, whose shared
/// point's x coordinate goes through HKDF-SHA256 (RFC 5869) with the round id as salt and the purpose
/// and the pair's slots as info, so every round, pair and use gets its own independent key.
/// </summary>
internal static class KeyAgreement
{
    public const string PairwiseMask = "fedchain/secagg/v1/pairwise-mask";
    public const string ShareEncryption = "fedchain/secagg/v1/share-encryption";

    /// <summary>A 32-byte key both slots derive alike: the pair is ordered, so (a, b) and (b, a) agree.</summary>
    public static byte[] Agree(ECPrivKey mine, ReadOnlySpan<byte> theirPublicKey, ReadOnlySpan<byte> roundId, string purpose, int slotA, int slotB)
    {
        var theirs = ParsePublicKey(theirPublicKey);
        var shared = theirs.GetSharedPubkey(mine).ToBytes(compressed: true);
        var info = new byte[Encoding.ASCII.GetByteCount(purpose) + 4];
        var written = Encoding.ASCII.GetBytes(purpose, info);
        BinaryPrimitives.WriteUInt16BigEndian(info.AsSpan(written), (ushort)Math.Min(slotA, slotB));
        BinaryPrimitives.WriteUInt16BigEndian(info.AsSpan(written + 2), (ushort)Math.Max(slotA, slotB));
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, shared.AsSpan(1, 32).ToArray(), 32, roundId.ToArray(), info);
    }

    /// <summary>Parses a SEC1 public key from the wire, or throws naming the problem.</summary>
    public static ECPubKey ParsePublicKey(ReadOnlySpan<byte> publicKey) =>
        ECPubKey.TryCreate(publicKey, null, out _, out var parsed) && parsed is not null
            ? parsed
            : throw new SecureAggregationException($"a {publicKey.Length}-byte value is not a valid secp256k1 public key");
}
