using System.Security.Cryptography;
using NBitcoin.Secp256k1;

namespace FedChain.Node.Identity;

/// <summary>
/// An institution's secp256k1 key. Its Ethereum address is the node's identity on the wire and on
/// the chain. Load it from a keystore with <see cref="NodeKeystore"/>.
/// </summary>
public sealed class NodeKey : IDisposable
{
    private readonly ECPrivKey _key;

    private NodeKey(ECPrivKey key)
    {
        _key = key;
        var publicKey = key.CreatePubKey();
        CompressedPublicKey = publicKey.ToBytes(compressed: true);
        Address = MessageSignature.AddressOf(publicKey);
    }

    public NodeAddress Address { get; }

    /// <summary>The 33-byte SEC1 compressed public key.</summary>
    public byte[] CompressedPublicKey { get; }

    /// <summary>A fresh key from the operating system's CSPRNG.</summary>
    public static NodeKey Generate()
    {
        Span<byte> secret = stackalloc byte[32];
        while (true)
        {
            RandomNumberGenerator.Fill(secret);
            if (ECPrivKey.TryCreate(secret, out var key)) return new NodeKey(key);
        }
    }

    /// <summary>A key from its 32 raw bytes (big-endian scalar), as in an Ethereum private key.</summary>
    public static NodeKey FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32 || !ECPrivKey.TryCreate(privateKey, out var key))
        {
            throw new ArgumentException("a secp256k1 private key is 32 bytes in 1..n-1", nameof(privateKey));
        }

        return new NodeKey(key);
    }

    /// <summary>Signs <paramref name="message"/> in <paramref name="domain"/>; see <see cref="MessageSignature"/> for the format.</summary>
    public byte[] Sign(SignatureDomain domain, ReadOnlySpan<byte> message)
    {
        var digest = MessageSignature.Digest(domain, message);
        if (!_key.TrySignRecoverable(digest, out var signature) || signature is null) throw new CryptographicException("secp256k1 signing failed");
        var bytes = new byte[MessageSignature.Length];
        MessageSignature.WriteSignature(signature, bytes);
        return bytes;
    }

    internal byte[] ExportPrivateKey()
    {
        var bytes = new byte[32];
        _key.WriteToSpan(bytes);
        return bytes;
    }

    public void Dispose() => _key.Dispose();
}
