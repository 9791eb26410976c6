using System.Collections.Concurrent;

namespace FedChain.Node.Blobs;

public sealed partial class BlobStore
{
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    /// <summary>Stores <paramref name="content"/> and returns its record; storing the same bytes twice is a no-op.</summary>
    public async Task<BlobInfo> PutAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        var id = BlobId.Compute(content.Span);
        if (TryGet(id) is { } existing) return existing;
        // Our own copy for the recent blobs: the caller may reuse its buffer.
        var owned = content.ToArray();
        var temp = await WriteTempAsync(id, owned, ct);
        var info = Commit(temp, new BlobInfo(id, owned.Length, ChunkSize, ChunkLayout.HashChunks(owned, ChunkSize), _time.GetUtcNow()));
        _recent.Add(id, owned);
        return info;
    }

    /// <summary>Stores a fetched blob held in memory, complete and hashing to its id, unless the quota or the admission refuses it.</summary>
    /// <exception cref="BlobRefusedException">Refused; nothing is stored.</exception>
    internal async Task<BlobInfo> StoreFetchedAsync(BlobInfo manifest, byte[] content, bool requested, CancellationToken ct)
    {
        var temp = await WriteTempAsync(manifest.Id, content, ct);
        BlobInfo info;
        lock (_admitting)
        {
            if (RefusalOf(manifest, () => content, requested) is { } refused)
            {
                File.Delete(temp);
                throw new BlobRefusedException(manifest.Id, refused);
            }

            info = Commit(temp, manifest with { StoredAt = _time.GetUtcNow() });
        }

        _recent.Add(info.Id, content);
        return info;
    }

    /// <summary>Writes <paramref name="content"/> to a new temp file and fsyncs it, ready for <see cref="Commit"/>.</summary>
    private async Task<string> WriteTempAsync(BlobId id, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var temp = Path.Combine(TempFolder, $"{id}.{Guid.NewGuid():N}.tmp");
        ct.ThrowIfCancellationRequested();
        // A bare handle written at once (a FileStream's buffer costs more than the write of a small blob), off the thread pool.
        await BlockingFileWork.RunAsync(() =>
        {
            using var file = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            RandomAccess.Write(file, content.Span, 0);
            RandomAccess.FlushToDisk(file);
        });
        return temp;
    }

    /// <summary>Moves a complete, fsynced file into place and indexes it. The rename is atomic; a crash
    /// before the index row is written is repaired by <see cref="Recover"/> on the next open.</summary>
    private BlobInfo Commit(string tempFile, BlobInfo info)
    {
        var target = PathOf(info.Id);
        var folder = Path.GetDirectoryName(target)!;
        // 256 folders in all: each created once, not asked for on every blob.
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, 0);
        }

        File.Move(tempFile, target, overwrite: true);
        bool added;
        lock (_lock) added = Insert(info);
        if (added) Stored?.Invoke(this, info);
        return info;
    }
}
