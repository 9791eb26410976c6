namespace FedChain.Node.Blobs;

public sealed partial class BlobStore
{
    /// <summary>Starts or resumes the download of a blob described by <paramref name="manifest"/>.
    /// Chunks recorded by an earlier run are re-verified from the file before they count.</summary>
    public async Task<PartialBlob> OpenPartialAsync(BlobInfo manifest, CancellationToken ct = default)
    {
        var path = Path.Combine(PartialFolder, manifest.Id + ".part");
        var recorded = LoadPartial(manifest);
        var partial = new PartialBlob(this, path, manifest);
        if (recorded.Count == 0) return partial;

        // The file may hold chunks the index says are there but a crash lost; check each one.
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.Asynchronous);
        foreach (var index in recorded)
        {
            var buffer = new byte[ChunkLayout.LengthOf(index, manifest.Size, manifest.ChunkSize)];
            var read = await RandomAccess.ReadAsync(handle, buffer, ChunkLayout.Offset(index, manifest.ChunkSize), ct);
            if (read == buffer.Length) await partial.TryWriteChunkAsync(index, buffer, ct);
        }

        return partial;
    }

    /// <summary>Chunk indices an earlier run recorded for this manifest; a different manifest for the same id resets them.</summary>
    private List<int> LoadPartial(BlobInfo manifest)
    {
        lock (_lock)
        {
            using (var select = Command("SELECT chunk_size, chunk_hashes FROM partials WHERE id = $id", ("$id", manifest.Id.ToString())))
            using (var reader = select.ExecuteReader())
            {
                var same = reader.Read() && reader.GetInt32(0) == manifest.ChunkSize && ((byte[])reader[1]).AsSpan().SequenceEqual(manifest.ChunkHashes);
                reader.Close();
                if (!same)
                {
                    DeletePartialRows(manifest.Id);
                    using var insert = Command("INSERT INTO partials (id, size, chunk_size, chunk_hashes) VALUES ($id, $size, $chunk, $hashes)",
                        ("$id", manifest.Id.ToString()), ("$size", manifest.Size), ("$chunk", manifest.ChunkSize), ("$hashes", manifest.ChunkHashes));
                    insert.ExecuteNonQuery();
                    return [];
                }
            }

            using var chunks = Command("SELECT idx FROM partial_chunks WHERE id = $id", ("$id", manifest.Id.ToString()));
            using var rows = chunks.ExecuteReader();
            var indices = new List<int>();
            while (rows.Read())
            {
                var index = rows.GetInt32(0);
                if (index >= 0 && index < manifest.ChunkCount) indices.Add(index);
            }

            return indices;
        }
    }

    /// <summary>Starts the download of a small blob in memory (<see cref="BufferedBlob"/>): no resume, no file until it is stored.</summary>
    internal BufferedBlob OpenBuffered(BlobInfo manifest) => new(this, manifest);

    internal void RecordChunk(BlobId id, int index)
    {
        lock (_lock)
        {
            using var insert = Command("INSERT OR IGNORE INTO partial_chunks (id, idx) VALUES ($id, $idx)", ("$id", id.ToString()), ("$idx", index));
            insert.ExecuteNonQuery();
        }
    }

    internal BlobInfo CompletePartial(PartialBlob partial)
    {
        partial.CloseFile();
        var info = partial.Manifest with { StoredAt = _time.GetUtcNow() };
        var committed = Commit(new WrittenBlob(partial.Path, null), info);
        lock (_lock) DeletePartialRows(info.Id);
        return committed;
    }

    internal void DiscardPartial(PartialBlob partial)
    {
        partial.CloseFile();
        File.Delete(partial.Path);
        lock (_lock) DeletePartialRows(partial.Manifest.Id);
    }

    private void DeletePartialRows(BlobId id)
    {
        using var delete = Command("DELETE FROM partial_chunks WHERE id = $id; DELETE FROM partials WHERE id = $id", ("$id", id.ToString()));
        delete.ExecuteNonQuery();
    }
}
