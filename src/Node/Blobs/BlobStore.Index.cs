using Microsoft.Data.Sqlite;

namespace FedChain.Node.Blobs;

public sealed partial class BlobStore
{
    /// <summary>The index record of <paramref name="id"/>, or null when it is not stored. Served from memory.</summary>
    public BlobInfo? TryGet(BlobId id)
    {
        lock (_lock) return _index.GetValueOrDefault(id);
    }

    /// <summary>Every stored blob, oldest first.</summary>
    public IReadOnlyList<BlobInfo> List()
    {
        lock (_lock) return [.. _index.Values.OrderBy(b => b.StoredAt).ThenBy(b => b.Id.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>Loads the durable index into memory; called once at open.</summary>
    private void LoadIndex()
    {
        lock (_lock)
        {
            using var command = Command("SELECT id, size, chunk_size, chunk_hashes, stored_at, pack_offset FROM blobs");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var info = ReadInfo(BlobId.Parse(reader.GetString(0)), reader, offset: 1);
                _index[info.Id] = info;
                if (!reader.IsDBNull(5)) _packed[info.Id] = reader.GetInt64(5);
            }
        }
    }

    private static BlobInfo ReadInfo(BlobId id, SqliteDataReader reader, int offset = 0) =>
        new(id, reader.GetInt64(offset), reader.GetInt32(offset + 1), (byte[])reader[offset + 2],
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(offset + 3)));

    private void CreateSchema()
    {
        // WAL with synchronous=NORMAL keeps the index consistent through a crash but may lose the last
        // commits on power loss (SQLite docs, "pragma synchronous"). That is safe here: packed blobs and
        // blob files are fsynced before they are indexed and re-indexed from disk by Recover, and chunk
        // records are only a resume hint that is re-verified against the chunk hashes.
        using var command = Command("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS blobs (
              id TEXT PRIMARY KEY, size INTEGER NOT NULL, chunk_size INTEGER NOT NULL,
              chunk_hashes BLOB NOT NULL, stored_at INTEGER NOT NULL, pack_offset INTEGER);
            CREATE TABLE IF NOT EXISTS partials (
              id TEXT PRIMARY KEY, size INTEGER NOT NULL, chunk_size INTEGER NOT NULL, chunk_hashes BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS partial_chunks (
              id TEXT NOT NULL, idx INTEGER NOT NULL, PRIMARY KEY (id, idx));
            """);
        command.ExecuteNonQuery();
        // Stores made before the pack: every blob of theirs is a file.
        using var columns = Command("SELECT COUNT(*) FROM pragma_table_info('blobs') WHERE name = 'pack_offset'");
        if ((long)columns.ExecuteScalar()! == 0)
        {
            using var add = Command("ALTER TABLE blobs ADD COLUMN pack_offset INTEGER");
            add.ExecuteNonQuery();
        }
    }

    /// <summary>Must be called under the lock. Returns false when the blob was already indexed.</summary>
    /// <param name="packOffset">Where its content starts in the pack; null: it is a file.</param>
    private bool Insert(BlobInfo info, long? packOffset)
    {
        if (_index.ContainsKey(info.Id)) return false;
        using var command = Command(
            "INSERT OR IGNORE INTO blobs (id, size, chunk_size, chunk_hashes, stored_at, pack_offset) VALUES ($id, $size, $chunk, $hashes, $at, $pack)",
            ("$id", info.Id.ToString()), ("$size", info.Size), ("$chunk", info.ChunkSize), ("$hashes", info.ChunkHashes),
            ("$at", info.StoredAt.ToUnixTimeMilliseconds()), ("$pack", packOffset is { } o ? o : DBNull.Value));
        command.ExecuteNonQuery();
        _index[info.Id] = info;
        if (packOffset is { } offset) _packed[info.Id] = offset;
        return true;
    }

    private void DeleteRow(BlobId id)
    {
        using var delete = Command("DELETE FROM blobs WHERE id = $id", ("$id", id.ToString()));
        delete.ExecuteNonQuery();
        _index.Remove(id);
        _packed.Remove(id);
    }

    /// <summary>Makes the index agree with the pack and the files: drops temp files and rows whose bytes are gone,
    /// and indexes packed records and blob files that hash to their id but have no row (a crash between the write
    /// and the insert).</summary>
    private void Recover()
    {
        foreach (var temp in Directory.EnumerateFiles(TempFolder)) File.Delete(temp);
        LoadIndex();
        (_pack, var records) = BlobPack.Open(PackFile, PackedMaxBytes);
        var whole = records.ToDictionary(r => r.Offset, r => r.Length);
        var indexed = List().ToDictionary(b => b.Id);
        foreach (var blob in indexed.Values)
        {
            var offset = PackOffsetOf(blob.Id);
            var present = offset is { } o ? whole.TryGetValue(o, out var length) && length == blob.Size : File.Exists(PathOf(blob.Id));
            if (present) continue;
            lock (_lock) DeleteRow(blob.Id);
        }

        foreach (var record in records.Where(r => !indexed.ContainsKey(r.Id)).DistinctBy(r => r.Id))
        {
            var content = _pack.Read(record.Offset, record.Length);
            if (BlobId.Compute(content) != record.Id) continue;
            lock (_lock) Insert(ChunkLayout.Describe(record.Id, content, ChunkSize, _time.GetUtcNow()), record.Offset);
        }

        foreach (var file in Directory.EnumerateFiles(BlobsFolder, "*", SearchOption.AllDirectories))
        {
            if (!BlobId.TryParse(Path.GetFileName(file), out var id) || indexed.ContainsKey(id) || Contains(id)) continue;
            var content = File.ReadAllBytes(file);
            if (BlobId.Compute(content) != id)
            {
                File.Delete(file);
                continue;
            }

            lock (_lock) Insert(ChunkLayout.Describe(id, content, ChunkSize, _time.GetUtcNow()), null);
        }
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
