using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FedChain.Learning.SecureAggregation;
using FedChain.Node.Identity;

namespace FedChain.Node.SecureRounds;

/// <summary>
/// What a node keeps of a secure-aggregation plan across a restart (docs/privacy.md, "Restarts"): each
/// training round's <see cref="SecAggMemberState"/> (secret keys, self-mask seed, own shares, the U3 it
/// answered) and the key and share blobs it published (public, kept so a crash between this write and
/// their publication loses nothing). Written before anything that depends on it leaves the node.
/// </summary>
/// <remarks>
/// On disk (<c>state/plans/&lt;id&gt;/secure-aggregation.secrets</c>): "FCS1" | nonce 12 | tag 16 | ciphertext
/// of the UTF-8 JSON, AES-256-GCM (NIST SP 800-38D) under a key derived from the node's secp256k1 private key
/// with HKDF-SHA256 (RFC 5869; salt = plan hash, info = "fedchain/secure-aggregation-secrets/v1"), additional
/// data = "FCS1" | plan hash | node address, a fresh random nonce per write. Only the node's key opens it, and
/// a file moved to another plan or node fails authentication. Temp file, fsync, rename: a crash leaves the old or the new.
/// </remarks>
public sealed record SecAggSecrets(int Slot, IReadOnlyList<SecAggMemberState> Rounds, byte[]? KeysBlob = null, byte[]? SharesBlob = null)
{
    private static ReadOnlySpan<byte> Magic => "FCS1"u8;
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("fedchain/secure-aggregation-secrets/v1");

    public void Save(string file, NodeKey key, byte[] planHash)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(this);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(DeriveKey(key, planHash), tag.Length)) aes.Encrypt(nonce, plain, cipher, tag, Associated(key, planHash));
        CryptographicOperations.ZeroMemory(plain);

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Magic);
            stream.Write(nonce);
            stream.Write(tag);
            stream.Write(cipher);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, file, overwrite: true);
    }

    /// <summary>The secrets in <paramref name="file"/>, or null when there is none; a file this key cannot open is an error that says so.</summary>
    public static SecAggSecrets? Load(string file, NodeKey key, byte[] planHash)
    {
        if (!File.Exists(file)) return null;
        var bytes = File.ReadAllBytes(file);
        if (bytes.Length < 32 || !bytes.AsSpan(0, 4).SequenceEqual(Magic)) throw new InvalidDataException($"{file} is not a secure-aggregation secrets file (no FCS1 header)");
        var plain = new byte[bytes.Length - 32];
        try
        {
            using var aes = new AesGcm(DeriveKey(key, planHash), 16);
            aes.Decrypt(bytes.AsSpan(4, 12), bytes.AsSpan(32), bytes.AsSpan(16, 16), plain, Associated(key, planHash));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new InvalidDataException($"{file} does not open with this node's key for this plan (another node's or plan's file, or altered)", e);
        }

        try
        {
            return JsonSerializer.Deserialize<SecAggSecrets>(plain) ?? throw new InvalidDataException($"{file} holds no secrets");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static byte[] DeriveKey(NodeKey key, byte[] planHash)
    {
        var secret = key.ExportPrivateKey();
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, planHash, Info);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static byte[] Associated(NodeKey key, byte[] planHash) => [.. Magic, .. planHash, .. key.Address.ToBytes()];
}
