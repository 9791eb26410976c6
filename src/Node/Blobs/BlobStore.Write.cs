using System.Collections.Concurrent;

namespace FedChain.Node.Blobs;

public sealed partial class BlobStore
{
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    /// <summary>Stores <paramref name="content"/> and returns its record; storing the same bytes twice is a no-op.</summary>
    public Task<BlobInfo> PutAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default) => PutAsync(content, withhold: false, ct);

    /// <summary>As <see cref="PutAsync(ReadOnlyMemory{byte}, CancellationToken)"/>; <paramref name="withhold"/> marks it
    /// (<see cref="Withhold"/>) before it is stored, so it is never announced.</summary>
    public async Task<BlobInfo> PutAsync(ReadOnlyMemory<byte> content, bool withhold, CancellationToken ct = default)
    {
        var id = BlobId.Compute(content.Span);
        if (withhold) Withhold(id);
        if (TryGet(id) is { } existing) return existing;
        // Our own copy for the recent blobs: the caller may reuse its buffer.
        var owned = content.ToArray();
        var info = ChunkLayout.Describe(id, owned, ChunkSize, _time.GetUtcNow());
        var written = await WriteAsync(id, owned, ct);
        info = Commit(written, info);
        _recent.Add(id, owned);
        return info;
    }

    /// <summary>Stores a fetched blob held in memory, complete and hashing to its id, unless the quota or the admission refuses it.</summary>
    /// <exception cref="BlobRefusedException">Refused; nothing is stored.</exception>
    internal async Task<BlobInfo> StoreFetchedAsync(BlobInfo manifest, byte[] content, bool requested, CancellationToken ct)
    {
        var written = await WriteAsync(manifest.Id, content, ct);
        var info = Admit(manifest, () => content, requested, () => Discard(written), () => Commit(written, manifest with { StoredAt = _time.GetUtcNow() }));
        _recent.Add(info.Id, content);
        return info;
    }

    /// <summary>Stores a fetched, verified blob unless the quota or the admission refuses it. One at a time, so
    /// downloads finishing together cannot each see room that only one of them fits in.</summary>
    /// <exception cref="BlobRefusedException">Refused; <paramref name="discard"/> has dropped what was written.</exception>
    private BlobInfo Admit(BlobInfo manifest, Func<byte[]> content, bool requested, Action discard, Func<BlobInfo> commit)
    {
        lock (_admitting)
        {
            if (RefusalOf(manifest, content, requested) is { } refused)
            {
                discard();
                throw new BlobRefusedException(manifest.Id, refused);
            }

            return commit();
        }
    }

    /// <summary>Puts <paramref name="content"/> on disk, fsynced, ready for <see cref="Commit"/>: appended to the pack
    /// when small, else a new temp file to be renamed into place.</summary>
    private async Task<WrittenBlob> WriteAsync(BlobId id, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (content.Length <= PackedMaxBytes) return new WrittenBlob(null, await _pack.AppendAsync(id, content));
        var temp = Path.Combine(TempFolder, $"{id}.{Guid.NewGuid():N}.tmp");
        // A bare handle written at once (a FileStream's buffer costs more than the write), off the thread pool.
        await BlockingFileWork.RunAsync(() =>
        {
            using var file = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            RandomAccess.Write(file, content.Span, 0);
            RandomAccess.FlushToDisk(file);
        });
        return new WrittenBlob(temp, null);
    }

    private void Discard(WrittenBlob written)
    {
        if (written.PackOffset is { } offset) _pack.Discard(offset);
        else File.Delete(written.TempFile!);
    }

    /// <summary>Puts a written blob in place and indexes it: a temp file is renamed into its folder (atomic); a packed one
    /// is already in place. A crash before the index row is written is repaired by <see cref="Recover"/> on the next open.</summary>
    private BlobInfo Commit(WrittenBlob written, BlobInfo info)
    {
        if (written.TempFile is { } temp)
        {
            var target = PathOf(info.Id);
            var folder = Path.GetDirectoryName(target)!;
            // 256 folders in all: each created once, not asked for on every blob.
            if (!_folders.ContainsKey(folder))
            {
                Directory.CreateDirectory(folder);
                _folders.TryAdd(folder, 0);
            }

            File.Move(temp, target, overwrite: true);
        }

        bool added;
        lock (_lock) added = Insert(info, written.PackOffset);
        if (added) Stored?.Invoke(this, info);
        return info;
    }

    /// <summary>A blob on disk, not yet indexed: a temp file, or the offset of its content in the pack.</summary>
    private readonly record struct WrittenBlob(string? TempFile, long? PackOffset);
}
