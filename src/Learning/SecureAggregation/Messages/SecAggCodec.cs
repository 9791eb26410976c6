using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace FedChain.Learning.SecureAggregation.Messages;

/// <summary>
/// Byte encoding of the secure-aggregation messages for gossip: a <see cref="SecAggMessageCode"/>,
/// then fields in order; slots as uint16 and lengths as int32, big-endian; byte strings as length
/// and bytes; masked vectors as length and raw little-endian uint32s. Signing is the transport's job.
/// </summary>
public static class SecAggCodec
{
    public static byte[] Encode(object message) => message switch
    {
        KeyAdvertisement m => Build(SecAggMessageCode.KeyAdvertisement, w => w.Slot(m.Slot).Bytes(m.EncryptionKey).Bytes(m.MaskKey)),
        EncryptedShare m => Build(SecAggMessageCode.EncryptedShare, w => w.Slot(m.From).Slot(m.To).Bytes(m.Nonce).Bytes(m.Ciphertext)),
        MaskedInput m => Build(SecAggMessageCode.MaskedInput, w => w.Slot(m.Slot).Bytes(MemoryMarshal.AsBytes(m.Values.AsSpan()))),
        UnmaskingShares m => Build(SecAggMessageCode.UnmaskingShares, w =>
        {
            w.Slot(m.From).Int(m.Shares.Count);
            foreach (var share in m.Shares) w.Slot(share.Owner).Byte((byte)share.Secret).Bytes(share.Share);
        }),
        _ => throw new ArgumentException($"{message.GetType().Name} is not a secure-aggregation message", nameof(message)),
    };

    /// <summary>The message in <paramref name="bytes"/>, or <see cref="FormatException"/> naming what is wrong and where.</summary>
    public static object Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new Reader(bytes.ToArray());
        object message = (SecAggMessageCode)r.Byte() switch
        {
            SecAggMessageCode.KeyAdvertisement => new KeyAdvertisement(r.Slot(), r.Bytes(), r.Bytes()),
            SecAggMessageCode.EncryptedShare => new EncryptedShare(r.Slot(), r.Slot(), r.Bytes(), r.Bytes()),
            SecAggMessageCode.MaskedInput => new MaskedInput(r.Slot(), MemoryMarshal.Cast<byte, uint>(r.Bytes(multipleOf: 4)).ToArray()),
            SecAggMessageCode.UnmaskingShares => new UnmaskingShares(r.Slot(),
                [.. Enumerable.Range(0, r.Count()).Select(_ => new RevealedShare(r.Slot(), r.Secret(), r.Bytes()))]),
            var code => throw new FormatException($"byte 0: unknown secure-aggregation message code {(byte)code}"),
        };
        r.End();
        return message;
    }

    private static byte[] Build(SecAggMessageCode code, Action<Writer> write)
    {
        var writer = new Writer();
        writer.Byte((byte)code);
        write(writer);
        return writer.ToArray();
    }

    private sealed class Writer
    {
        private readonly MemoryStream _stream = new();

        public Writer Byte(byte value)
        {
            _stream.WriteByte(value);
            return this;
        }

        public Writer Slot(int slot)
        {
            Span<byte> buffer = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(buffer, checked((ushort)slot));
            _stream.Write(buffer);
            return this;
        }

        public Writer Int(int value)
        {
            Span<byte> buffer = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(buffer, value);
            _stream.Write(buffer);
            return this;
        }

        public Writer Bytes(ReadOnlySpan<byte> value)
        {
            Int(value.Length);
            _stream.Write(value);
            return this;
        }

        public byte[] ToArray() => _stream.ToArray();
    }

    private sealed class Reader(byte[] bytes)
    {
        private int _offset;

        public byte Byte() => Take(1)[0];

        public int Slot() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

        public RevealedSecret Secret()
        {
            var at = _offset;
            var value = (RevealedSecret)Byte();
            return Enum.IsDefined(value) ? value : throw new FormatException($"byte {at}: unknown revealed-secret kind {(byte)value}");
        }

        public int Count()
        {
            var at = _offset;
            var count = BinaryPrimitives.ReadInt32BigEndian(Take(4));
            return count >= 0 && count <= bytes.Length - _offset ? count : throw new FormatException($"byte {at}: count {count} does not fit the message");
        }

        public byte[] Bytes(int multipleOf = 1)
        {
            var at = _offset;
            var length = Count();
            if (length % multipleOf != 0) throw new FormatException($"byte {at}: length {length} is not a multiple of {multipleOf}");
            return Take(length).ToArray();
        }

        public void End()
        {
            if (_offset != bytes.Length) throw new FormatException($"byte {_offset}: {bytes.Length - _offset} bytes left over after the message");
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (bytes.Length - _offset < count)
                throw new FormatException($"byte {_offset}: the message ends {count - (bytes.Length - _offset)} byte(s) early");
            var span = bytes.AsSpan(_offset, count);
            _offset += count;
            return span;
        }
    }
}
