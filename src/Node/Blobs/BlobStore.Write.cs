using System.Security.Cryptography;

namespace FedChain.Node.Blobs;

public sealed partial class BlobStore
{
    /// <summary>Stores <paramref name="content"/> and returns its record; storing the same bytes twice is a no-op.</summary>
    public async Task<BlobInfo> PutAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        var id = BlobId.Compute(content.Span);
        if (TryGet(id) is { } existing) return existing;
        var temp = Path.Combine(TempFolder, $"{id}.{Guid.NewGuid():N}.tmp");
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await file.WriteAsync(content, ct);
            file.Flush(flushToDisk: true);
        }

        var info = new BlobInfo(id, content.Length, ChunkSize, ChunkLayout.HashChunks(content.Span, ChunkSize), _time.GetUtcNow());
        return Commit(temp, info);
    }

    /// <summary>Moves a complete, fsynced file into place and indexes it. The rename is atomic; a crash
    /// before the index row is written is repaired by <see cref="Recover"/> on the next open.</summary>
    private BlobInfo Commit(string tempFile, BlobInfo info)
    {
        var target = PathOf(info.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(tempFile, target, overwrite: true);
        bool added;
        lock (_lock) added = Insert(info);
        if (added) Stored?.Invoke(this, info);
        return info;
    }

    /// <summary>Hashes a whole file, for reconciling and for completing downloads.</summary>
    private static async Task<BlobId> HashFileAsync(string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return BlobId.FromBytes(await SHA256.HashDataAsync(file, ct));
    }
}
