using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FedChain.Node.Identity;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Gossip;

/// <summary>
/// What a gossip signature covers, and how message ids are made.
/// Signed bytes: u16 topic length | UTF-8 topic | u64 seqno | i64 timestamp (Unix ms) | payload, all
/// big-endian, under <see cref="SignatureDomain.Gossip"/>. The hop TTL is not signed.
/// Message id: SHA-256(signature || signed bytes). Including the signature means a member who copies
/// someone else's content under its own key makes a different message, so it cannot pre-empt the
/// original in the seen-cache; low-S signatures (EIP-2) make the id unique per message.
/// </summary>
internal static class SignedControlMessage
{
    public static Publish Create(NodeKey key, string topic, ulong seqno, long timestampMs, byte[] payload, byte ttl)
    {
        var signature = key.Sign(SignatureDomain.Gossip, SignedBytes(topic, seqno, timestampMs, payload));
        return new Publish(topic, seqno, timestampMs, payload, signature, ttl);
    }

    public static byte[] SignedBytes(string topic, ulong seqno, long timestampMs, ReadOnlySpan<byte> payload)
    {
        var topicBytes = Encoding.UTF8.GetBytes(topic);
        var bytes = new byte[2 + topicBytes.Length + 16 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)topicBytes.Length);
        topicBytes.CopyTo(bytes, 2);
        var at = 2 + topicBytes.Length;
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(at), seqno);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(at + 8), timestampMs);
        payload.CopyTo(bytes.AsSpan(at + 16));
        return bytes;
    }

    public static byte[] Id(Publish message, byte[] signedBytes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(message.Signature);
        sha.AppendData(signedBytes);
        return sha.GetHashAndReset();
    }

    public static bool TryRecoverOrigin(Publish message, byte[] signedBytes, out NodeAddress origin) =>
        MessageSignature.TryRecover(SignatureDomain.Gossip, signedBytes, message.Signature, out origin);
}
