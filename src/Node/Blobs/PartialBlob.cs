using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace FedChain.Node.Blobs;

/// <summary>
/// A download in progress: a sparse file of the blob's final size, plus the set of chunks already
/// written and verified, recorded in the index so a restarted node resumes rather than starts over.
/// Chunks are written at their offsets and may arrive in any order from any peer.
/// </summary>
public sealed class PartialBlob : IIncomingBlob
{
    private readonly BlobStore _store;
    private readonly SafeFileHandle _file;
    private readonly ChunkSet _chunks;

    internal PartialBlob(BlobStore store, string path, BlobInfo manifest)
    {
        _store = store;
        Path = path;
        Manifest = manifest;
        _chunks = new ChunkSet(manifest.ChunkCount);
        _file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, FileOptions.Asynchronous);
        RandomAccess.SetLength(_file, manifest.Size);
    }

    /// <summary>The blob's id, size and chunk hashes, as the manifest gave them.</summary>
    public BlobInfo Manifest { get; }

    internal string Path { get; }

    public int ChunkCount => Manifest.ChunkCount;

    public int ChunksHeld => _chunks.Held;

    public bool IsComplete => _chunks.IsComplete;

    public bool Has(int index) => _chunks.Has(index);

    public IReadOnlyList<int> MissingChunks() => _chunks.Missing();

    /// <summary>Verifies <paramref name="data"/> against the manifest's hash for chunk <paramref name="index"/>
    /// and writes it. Returns false, writing nothing, when the chunk does not match.</summary>
    public async Task<bool> TryWriteChunkAsync(int index, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        if (!ChunkLayout.Fits(Manifest, index, data.Span)) return false;
        if (Has(index)) return true;
        await RandomAccess.WriteAsync(_file, data, ChunkLayout.Offset(index, Manifest.ChunkSize), ct);
        if (_chunks.Add(index)) _store.RecordChunk(Manifest.Id, index);
        return true;
    }

    /// <summary>Once every chunk is in: fsync, check the whole file hashes to the id, and move it into
    /// the store. Returns null, discarding the download, when the manifest lied about the content.</summary>
    /// <param name="requested">The node asked for this blob by id (else it replicates an announcement): for the store's admission.</param>
    /// <exception cref="BlobRefusedException">The store's quota or admission refused it; the download is discarded.</exception>
    public async Task<BlobInfo?> CompleteAsync(CancellationToken ct = default, bool requested = true)
    {
        if (!IsComplete) throw new InvalidOperationException($"blob {Manifest.Id}: {ChunkCount - ChunksHeld} of {ChunkCount} chunks still missing");
        await BlockingFileWork.RunAsync(() => RandomAccess.FlushToDisk(_file));
        var hash = await HashAsync(ct);
        if (hash != Manifest.Id)
        {
            _store.DiscardPartial(this);
            return null;
        }

        return _store.AdmitPartial(this, requested);
    }

    /// <summary>The whole downloaded content (for an admission check; blobs from peers are read once).</summary>
    internal byte[] ReadAll()
    {
        var bytes = new byte[Manifest.Size];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(_file, bytes.AsSpan(read), read);
            if (n == 0) throw new IOException($"partial blob {Path} is shorter than its manifest's {Manifest.Size} bytes");
            read += n;
        }

        return bytes;
    }

    internal void CloseFile() => _file.Dispose();

    private async Task<BlobId> HashAsync(CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long offset = 0;
        while (offset < Manifest.Size)
        {
            var n = await RandomAccess.ReadAsync(_file, buffer, offset, ct);
            if (n == 0) break;
            sha.AppendData(buffer, 0, n);
            offset += n;
        }

        return BlobId.FromBytes(sha.GetHashAndReset());
    }

    public void Dispose() => _file.Dispose();
}
