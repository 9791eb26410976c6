using System.Security.Cryptography;

namespace FedChain.Node.Blobs;

/// <summary>How a blob is cut into fixed-size chunks (the last one shorter) and each chunk hashed.</summary>
internal static class ChunkLayout
{
    public static int Count(long size, int chunkSize) => (int)((size + chunkSize - 1) / chunkSize);

    public static long Offset(int index, int chunkSize) => (long)index * chunkSize;

    public static int LengthOf(int index, long size, int chunkSize) =>
        (int)Math.Min(chunkSize, size - Offset(index, chunkSize));

    public static byte[] HashChunks(ReadOnlySpan<byte> content, int chunkSize)
    {
        var count = Count(content.Length, chunkSize);
        var hashes = new byte[count * BlobId.Length];
        for (var i = 0; i < count; i++)
        {
            var chunk = content.Slice((int)Offset(i, chunkSize), LengthOf(i, content.Length, chunkSize));
            SHA256.HashData(chunk, hashes.AsSpan(i * BlobId.Length, BlobId.Length));
        }

        return hashes;
    }

    /// <summary>Whether <paramref name="data"/> is chunk <paramref name="index"/> of the blob <paramref name="manifest"/> describes: in range, of its length, and hashing to its hash.</summary>
    public static bool Fits(BlobInfo manifest, int index, ReadOnlySpan<byte> data) =>
        index >= 0 && index < manifest.ChunkCount && data.Length == LengthOf(index, manifest.Size, manifest.ChunkSize)
        && Verify(data, manifest.ChunkHashes, index);

    public static bool Verify(ReadOnlySpan<byte> chunk, ReadOnlySpan<byte> chunkHashes, int index)
    {
        Span<byte> hash = stackalloc byte[BlobId.Length];
        SHA256.HashData(chunk, hash);
        return hash.SequenceEqual(chunkHashes.Slice(index * BlobId.Length, BlobId.Length));
    }
}
