using System.Security.Cryptography;
using NBitcoin.Secp256k1;

namespace FedChain.Learning.SecureAggregation.Crypto;

/// <summary>A fresh secp256k1 key pair for one round: one for share encryption, one for pairwise masks.</summary>
internal sealed class SecAggKeyPair : IDisposable
{
    private SecAggKeyPair(ECPrivKey privateKey)
    {
        PrivateKey = privateKey;
        PublicKey = privateKey.CreatePubKey().ToBytes(compressed: true);
    }

    public ECPrivKey PrivateKey { get; }

    /// <summary>The compressed SEC1 public key, 33 bytes.</summary>
    public byte[] PublicKey { get; }

    /// <summary>A key pair from the operating system's CSPRNG.</summary>
    public static SecAggKeyPair Generate()
    {
        Span<byte> secret = stackalloc byte[32];
        while (true)
        {
            RandomNumberGenerator.Fill(secret);
            // Rejects zero and values at or above the group order (probability about 2^-128).
            if (ECPrivKey.TryCreate(secret, out var key)) return new SecAggKeyPair(key!);
        }
    }

    /// <summary>A key pair from its 32-byte secret, as reconstructed from Shamir shares.</summary>
    public static SecAggKeyPair FromSecret(ReadOnlySpan<byte> secret) =>
        ECPrivKey.TryCreate(secret, out var key)
            ? new SecAggKeyPair(key!)
            : throw new SecureAggregationException("a reconstructed mask key is not a valid secp256k1 secret");

    public byte[] SecretBytes()
    {
        var bytes = new byte[32];
        PrivateKey.WriteToSpan(bytes);
        return bytes;
    }

    public void Dispose() => PrivateKey.Dispose();
}
