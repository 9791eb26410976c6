using System.Security.Cryptography;

namespace FedChain.Node.Blobs;

/// <summary>How a blob is cut into fixed-size chunks (the last one shorter) and each chunk hashed.</summary>
internal static class ChunkLayout
{
    /// <summary>Blobs up to this size are one chunk, which fits a default frame (1 MiB less 1 KiB of header room). Its
    /// chunk hash is then the blob id, so publisher and fetcher each hash the bytes once, not twice (chunks and id), and
    /// a fetch is one request: a sharded aggregation moves only such blobs (shards and sums of 4 MB updates at N = 10 are
    /// 0.4 and 0.5 MB), and the second hash was about 8% of its CPU. Larger blobs keep small chunks, pulled from many
    /// holders at once and resumed after a restart.</summary>
    public const int WholeMaxBytes = (1024 * 1024) - 1024;

    /// <summary>The record of new content whose id is <paramref name="id"/>: one chunk up to <see cref="WholeMaxBytes"/>,
    /// else <paramref name="chunkSize"/>-byte chunks.</summary>
    public static BlobInfo Describe(BlobId id, ReadOnlySpan<byte> content, int chunkSize, DateTimeOffset storedAt) =>
        content.Length is > 0 and <= WholeMaxBytes
            ? new BlobInfo(id, content.Length, content.Length, id.ToBytes(), storedAt)
            : new BlobInfo(id, content.Length, chunkSize, HashChunks(content, chunkSize), storedAt);

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
