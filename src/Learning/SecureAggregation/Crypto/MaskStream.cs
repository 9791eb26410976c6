using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace FedChain.Learning.SecureAggregation.Crypto;

/// <summary>
/// The pseudorandom generator that expands a 32-byte seed into a mask: AES-256 in counter mode (NIST
/// SP 800-38A, §6.5) with a zero nonce and a 64-bit big-endian block counter, its key stream read as
/// little-endian words of the ring: uint32 for Z_2^32 (model updates), uint64 for Z_2^64 (analysis
/// statistics). Every seed is used for one mask only (seeds are derived per round), so the zero nonce
/// is safe. Counter blocks are encrypted with ECB in 64 KiB chunks, which lets AES-NI run at full speed.
/// </summary>
public static class MaskStream
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>destination = PRG(seed).</summary>
    public static void Fill(ReadOnlySpan<byte> seed, Span<uint> destination) => Apply(seed, destination, Operation.Overwrite);

    /// <summary>target += PRG(seed), mod 2^32.</summary>
    public static void Add(ReadOnlySpan<byte> seed, Span<uint> target) => Apply(seed, target, Operation.Add);

    /// <summary>target -= PRG(seed), mod 2^32.</summary>
    public static void Subtract(ReadOnlySpan<byte> seed, Span<uint> target) => Apply(seed, target, Operation.Subtract);

    /// <summary>target += PRG(seed), mod 2^64: the same key stream read as 64-bit words.</summary>
    public static void Add(ReadOnlySpan<byte> seed, Span<ulong> target) => Apply(seed, target, Operation.Add);

    /// <summary>target -= PRG(seed), mod 2^64.</summary>
    public static void Subtract(ReadOnlySpan<byte> seed, Span<ulong> target) => Apply(seed, target, Operation.Subtract);

    private enum Operation { Overwrite, Add, Subtract }

    private static void Apply<T>(ReadOnlySpan<byte> seed, Span<T> target, Operation operation)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (seed.Length != 32) throw new ArgumentException($"a mask seed is 32 bytes, got {seed.Length}", nameof(seed));
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("big-endian hosts are not supported");
        using var aes = Aes.Create();
        aes.Key = seed.ToArray();
        var wordBytes = Marshal.SizeOf<T>();
        var chunk = new T[ChunkBytes / wordBytes];
        var chunkBytes = MemoryMarshal.AsBytes(chunk.AsSpan());
        ulong counter = 0;
        for (var offset = 0; offset < target.Length; offset += chunk.Length)
        {
            var words = Math.Min(chunk.Length, target.Length - offset);
            // Whole AES blocks: a tail shorter than a block still takes a full block.
            var blockBytes = (words * wordBytes + 15) / 16 * 16;
            var blocks = chunkBytes[..blockBytes];
            for (var b = 0; b < blockBytes; b += 16)
            {
                BinaryPrimitives.WriteUInt64BigEndian(blocks[b..], 0);
                BinaryPrimitives.WriteUInt64BigEndian(blocks[(b + 8)..], counter++);
            }
            aes.EncryptEcb(blocks, blocks, PaddingMode.None);
            Combine<T>(chunk.AsSpan(0, words), target.Slice(offset, words), operation);
        }
    }

    private static void Combine<T>(ReadOnlySpan<T> mask, Span<T> target, Operation operation)
        where T : unmanaged, IBinaryInteger<T>
    {
        switch (operation)
        {
            case Operation.Overwrite: mask.CopyTo(target); break;
            case Operation.Add: RingVectors.Add(target, mask); break;
            default: RingVectors.Subtract(target, mask); break;
        }
    }
}
