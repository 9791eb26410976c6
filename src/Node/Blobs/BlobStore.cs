using Microsoft.Data.Sqlite;

namespace FedChain.Node.Blobs;

/// <summary>
/// Content-addressed blobs on disk with an SQLite index. Layout under the root folder: <c>blobs.pack</c> for
/// blobs up to <see cref="PackedMaxBytes"/> (<see cref="BlobPack"/>), <c>blobs/ab/abcd...</c> for larger ones
/// (file name = SHA-256 hex), <c>tmp/</c> for writes in progress, <c>partial/</c> for resumable downloads, and
/// <c>index.db</c>. Writes are crash-safe: appended and fsynced, or temp file, fsync, rename; on open the index
/// is reconciled with the pack and the files, so a restart keeps every blob.
/// </summary>
public sealed partial class BlobStore : IDisposable
{
    /// <summary>Default chunk size: 64 KiB, so a 4 MB update is 64 verified pulls.</summary>
    public const int DefaultChunkSize = 64 * 1024;

    /// <summary>Default budget of <see cref="RecentBlobs"/>: 16 MiB, a 50-member aggregation's shards and sums of 4 MB updates.</summary>
    public const long DefaultRecentBytes = 16L * 1024 * 1024;

    /// <summary>Blobs up to 1 MiB go to the pack rather than a file each: shards, sums, envelopes and messages.</summary>
    public const int PackedMaxBytes = 1024 * 1024;

    private readonly SqliteConnection _db;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    // The index in memory, kept equal to the blobs table: hot paths (serving chunks, Contains) never query SQLite.
    private readonly Dictionary<BlobId, BlobInfo> _index = [];
    // Where each packed blob's content starts in the pack; blobs not here are files.
    private readonly Dictionary<BlobId, long> _packed = [];
    private readonly RecentBlobs _recent;
    private BlobPack _pack = null!;

    private BlobStore(string root, int chunkSize, TimeProvider time, long recentBytes)
    {
        Root = root;
        ChunkSize = chunkSize;
        _time = time;
        _recent = new RecentBlobs(recentBytes);
        Directory.CreateDirectory(BlobsFolder);
        Directory.CreateDirectory(TempFolder);
        Directory.CreateDirectory(PartialFolder);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(root, "index.db"), Pooling = false }.ToString());
        _db.Open();
        CreateSchema();
        LoadWithheld();
    }

    public string Root { get; }

    /// <summary>Chunk size of the blobs this store creates over ChunkLayout.WholeMaxBytes (smaller ones are one chunk); fetched blobs keep their publisher's.</summary>
    public int ChunkSize { get; }

    /// <summary>Raised after a blob is stored (put or completed download), outside the store's lock.</summary>
    public event EventHandler<BlobInfo>? Stored;

    private string BlobsFolder => Path.Combine(Root, "blobs");

    private string TempFolder => Path.Combine(Root, "tmp");

    private string PartialFolder => Path.Combine(Root, "partial");

    private string PackFile => Path.Combine(Root, "blobs.pack");

    /// <summary>Opens (or creates) the store in <paramref name="root"/>, dropping half-written temp files
    /// and reconciling the index with the blob files a crash may have left unindexed.</summary>
    /// <param name="recentBytes">How many bytes of the blobs stored last are also kept in memory for reads (0: none).</param>
    public static BlobStore Open(string root, TimeProvider? time = null, int chunkSize = DefaultChunkSize, long recentBytes = DefaultRecentBytes)
    {
        if (chunkSize is < 1024 or > 4 * 1024 * 1024) throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "chunk size must be 1 KiB to 4 MiB");
        ArgumentOutOfRangeException.ThrowIfNegative(recentBytes);
        var store = new BlobStore(Path.GetFullPath(root), chunkSize, time ?? TimeProvider.System, recentBytes);
        try
        {
            store.Recover();
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>Where a stored blob's bytes are: its own file (offset 0) or the pack (its content's offset).</summary>
    internal (string File, long Offset) LocationOf(BlobId id)
    {
        lock (_lock) return _packed.TryGetValue(id, out var offset) ? (PackFile, offset) : (PathOf(id), 0);
    }

    /// <summary>The file a blob larger than <see cref="PackedMaxBytes"/> is kept in.</summary>
    public string PathOf(BlobId id)
    {
        var hex = id.ToString();
        return Path.Combine(BlobsFolder, hex[..2], hex);
    }

    public bool Contains(BlobId id) => TryGet(id) is not null;

    public async Task<byte[]> ReadAllBytesAsync(BlobId id, CancellationToken ct = default)
    {
        if (!Contains(id)) throw new KeyNotFoundException($"blob {id} is not in the store at {Root}");
        return _recent.Get(id) is { } recent ? recent.ToArray() : await ReadFromDiskAsync(id, ct);
    }

    /// <summary>A stored blob's bytes, not to be written to: the store's own copy when it is in memory (no copy made, as
    /// readers that only decode it need: a sharded aggregation reads every shard and sum once), else read from disk.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadOnlyAsync(BlobId id, CancellationToken ct = default)
    {
        if (!Contains(id)) throw new KeyNotFoundException($"blob {id} is not in the store at {Root}");
        return _recent.Get(id) is { } recent ? recent : await ReadFromDiskAsync(id, ct);
    }

    private async Task<byte[]> ReadFromDiskAsync(BlobId id, CancellationToken ct)
    {
        if (PackOffsetOf(id) is { } offset)
        {
            var content = new byte[TryGet(id)!.Size];
            await _pack.ReadAsync(offset, content, ct);
            return content;
        }

        return await File.ReadAllBytesAsync(PathOf(id), ct);
    }

    /// <summary>Reads chunk <paramref name="index"/> of a stored blob, or returns null when the blob or chunk is not here.</summary>
    public async Task<byte[]?> ReadChunkAsync(BlobId id, int index, CancellationToken ct = default)
    {
        var info = TryGet(id);
        if (info is null || index < 0 || index >= info.ChunkCount) return null;
        var buffer = new byte[ChunkLayout.LengthOf(index, info.Size, info.ChunkSize)];
        return await ReadChunkAsync(id, index, buffer, ct) == buffer.Length ? buffer : null;
    }

    /// <summary>Reads chunk <paramref name="index"/> into <paramref name="destination"/> (at least the blob's chunk
    /// size) and returns its length, or -1 when the blob or chunk is not here.</summary>
    public async Task<int> ReadChunkAsync(BlobId id, int index, Memory<byte> destination, CancellationToken ct = default)
    {
        var info = TryGet(id);
        if (info is null || index < 0 || index >= info.ChunkCount) return -1;
        var length = ChunkLayout.LengthOf(index, info.Size, info.ChunkSize);
        if (_recent.Get(id) is { } recent)
        {
            recent.AsSpan((int)ChunkLayout.Offset(index, info.ChunkSize), length).CopyTo(destination.Span);
            return length;
        }

        if (PackOffsetOf(id) is { } packed) return await _pack.ReadAsync(packed + ChunkLayout.Offset(index, info.ChunkSize), destination[..length], ct);

        using var handle = File.OpenHandle(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        var read = 0;
        while (read < length)
        {
            var n = await RandomAccess.ReadAsync(handle, destination[read..length], ChunkLayout.Offset(index, info.ChunkSize) + read, ct);
            if (n == 0) throw new IOException($"blob file {PathOf(id)} is shorter than its index says ({info.Size} bytes)");
            read += n;
        }

        return length;
    }

    /// <summary>Copies every blob into <paramref name="folder"/> as a file named by its id, for auditors. Returns how many.</summary>
    public int ExportTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var count = 0;
        foreach (var blob in List())
        {
            var target = Path.Combine(folder, blob.Id.ToString());
            if (File.Exists(target) && new FileInfo(target).Length == blob.Size) continue;
            var temp = target + ".tmp";
            if (PackOffsetOf(blob.Id) is { } offset) File.WriteAllBytes(temp, _pack.Read(offset, (int)blob.Size));
            else File.Copy(PathOf(blob.Id), temp, overwrite: true);
            File.Move(temp, target, overwrite: true);
            count++;
        }

        return count;
    }

    private long? PackOffsetOf(BlobId id)
    {
        lock (_lock) return _packed.TryGetValue(id, out var offset) ? offset : null;
    }

    public void Dispose()
    {
        _pack?.Dispose();
        _db.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
