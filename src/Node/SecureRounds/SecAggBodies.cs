using System.Buffers.Binary;
using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Node.SecureRounds;

/// <summary>
/// Bodies of the secure-aggregation envelopes (docs/privacy.md, "Secure aggregation in the node"):
/// a list of <see cref="SecAggCodec"/> messages, each as int32 big-endian length and bytes. Keys: one
/// <see cref="KeyAdvertisement"/> per training round 1..R, in order. Shares: per training round, an
/// int32 count and that many <see cref="EncryptedShare"/>s. Unmasking: one <see cref="UnmaskingShares"/>.
/// </summary>
public static class SecAggBodies
{
    public static byte[] Keys(IReadOnlyList<KeyAdvertisement> perRound) => Write(w =>
    {
        foreach (var advertisement in perRound) w.Message(advertisement);
    });

    public static IReadOnlyList<KeyAdvertisement> ReadKeys(byte[] body, int rounds) =>
        Read<IReadOnlyList<KeyAdvertisement>>(body, r => [.. Enumerable.Range(0, rounds).Select(_ => r.Message<KeyAdvertisement>())]);

    public static byte[] Shares(IReadOnlyList<IReadOnlyList<EncryptedShare>> perRound) => Write(w =>
    {
        foreach (var shares in perRound)
        {
            w.Int(shares.Count);
            foreach (var share in shares) w.Message(share);
        }
    });

    public static IReadOnlyList<IReadOnlyList<EncryptedShare>> ReadShares(byte[] body, int rounds) =>
        Read<IReadOnlyList<IReadOnlyList<EncryptedShare>>>(body, r =>
            [.. Enumerable.Range(0, rounds).Select(_ => (IReadOnlyList<EncryptedShare>)[.. Enumerable.Range(0, r.Int()).Select(_ => r.Message<EncryptedShare>())])]);

    public static byte[] Unmasking(UnmaskingShares answer) => SecAggCodec.Encode(answer);

    public static UnmaskingShares ReadUnmasking(byte[] body) =>
        SecAggCodec.Decode(body) as UnmaskingShares ?? throw new InvalidDataException("unmasking blob does not hold unmasking shares");

    private static byte[] Write(Action<BodyWriter> write)
    {
        var writer = new BodyWriter();
        write(writer);
        return writer.Stream.ToArray();
    }

    private static T Read<T>(byte[] body, Func<BodyReader, T> read)
    {
        var reader = new BodyReader(body);
        try
        {
            var value = read(reader);
            if (reader.Offset != body.Length) throw new InvalidDataException($"byte {reader.Offset}: {body.Length - reader.Offset} bytes left over");
            return value;
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"byte {reader.Offset}: {e.Message}", e);
        }
    }

    private sealed class BodyWriter
    {
        public MemoryStream Stream { get; } = new();

        public void Int(int value)
        {
            Span<byte> buffer = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(buffer, value);
            Stream.Write(buffer);
        }

        public void Message(object message)
        {
            var bytes = SecAggCodec.Encode(message);
            Int(bytes.Length);
            Stream.Write(bytes);
        }
    }

    private sealed class BodyReader(byte[] body)
    {
        public int Offset { get; private set; }

        public int Int()
        {
            if (body.Length - Offset < 4) throw new InvalidDataException($"byte {Offset}: the body ends early");
            var value = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(Offset));
            Offset += 4;
            if (value < 0 || value > body.Length - Offset) throw new InvalidDataException($"byte {Offset - 4}: length {value} does not fit the body");
            return value;
        }

        public T Message<T>()
        {
            var length = Int();
            var message = SecAggCodec.Decode(body.AsSpan(Offset, length));
            Offset += length;
            return message is T typed ? typed : throw new InvalidDataException($"byte {Offset - length}: expected a {typeof(T).Name}, found a {message.GetType().Name}");
        }
    }
}
