using System.Buffers.Binary;
using System.Security.Cryptography;
using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Learning.SecureAggregation.Crypto;

/// <summary>
/// Encrypts the shares one member sends another (Bonawitz et al. 2017, Fig. 4, round 1) with
/// AES-256-GCM (NIST SP 800-38D) under their pairwise encryption key. The plaintext names sender and
/// recipient and the associated data binds round, sender and recipient, so a relayed ciphertext
/// cannot be replayed into another round or passed off as another pair's.
/// </summary>
internal static class ShareEnvelope
{
    private const int SecretBytes = 32;
    private const int PlaintextBytes = 4 + 2 * SecretBytes;
    private const int TagBytes = 16;

    public static EncryptedShare Seal(byte[] key, ReadOnlySpan<byte> roundId, int from, int to, ReadOnlySpan<byte> maskKeyShare, ReadOnlySpan<byte> seedShare)
    {
        var plaintext = new byte[PlaintextBytes];
        BinaryPrimitives.WriteUInt16BigEndian(plaintext, (ushort)from);
        BinaryPrimitives.WriteUInt16BigEndian(plaintext.AsSpan(2), (ushort)to);
        maskKeyShare.CopyTo(plaintext.AsSpan(4));
        seedShare.CopyTo(plaintext.AsSpan(4 + SecretBytes));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[PlaintextBytes + TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, ciphertext.AsSpan(0, PlaintextBytes), ciphertext.AsSpan(PlaintextBytes), AssociatedData(roundId, from, to));
        return new EncryptedShare(from, to, nonce, ciphertext);
    }

    /// <summary>The mask-key share and the self-mask seed share, or an exception naming the sender.</summary>
    public static (byte[] MaskKeyShare, byte[] SeedShare) Open(byte[] key, ReadOnlySpan<byte> roundId, EncryptedShare share)
    {
        if (share.Ciphertext.Length != PlaintextBytes + TagBytes || share.Nonce.Length != AesGcm.NonceByteSizes.MaxSize)
            throw new SecureAggregationException($"the share from slot {share.From} to slot {share.To} has the wrong size");
        var plaintext = new byte[PlaintextBytes];
        using var aes = new AesGcm(key, TagBytes);
        try
        {
            aes.Decrypt(share.Nonce, share.Ciphertext.AsSpan(0, PlaintextBytes), share.Ciphertext.AsSpan(PlaintextBytes), plaintext,
                AssociatedData(roundId, share.From, share.To));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new SecureAggregationException($"the share from slot {share.From} to slot {share.To} does not authenticate (tampered, or not for this round)");
        }
        if (BinaryPrimitives.ReadUInt16BigEndian(plaintext) != share.From || BinaryPrimitives.ReadUInt16BigEndian(plaintext.AsSpan(2)) != share.To)
            throw new SecureAggregationException($"the share from slot {share.From} to slot {share.To} names another pair inside");
        return (plaintext[4..(4 + SecretBytes)], plaintext[(4 + SecretBytes)..]);
    }

    private static byte[] AssociatedData(ReadOnlySpan<byte> roundId, int from, int to)
    {
        var data = new byte[roundId.Length + 4];
        roundId.CopyTo(data);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(roundId.Length), (ushort)from);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(roundId.Length + 2), (ushort)to);
        return data;
    }
}
