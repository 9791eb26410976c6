namespace FedChain.Node.Blobs;

/// <summary>A blob being downloaded: where its verified chunks go until it is complete and stored.</summary>
internal interface IIncomingBlob : IDisposable
{
    /// <summary>The blob's id, size and chunk hashes, as the manifest gave them.</summary>
    BlobInfo Manifest { get; }

    IReadOnlyList<int> MissingChunks();

    /// <summary>Verifies <paramref name="data"/> against the manifest's hash for chunk <paramref name="index"/> and keeps
    /// it. Returns false, keeping nothing, when the chunk does not match.</summary>
    Task<bool> TryWriteChunkAsync(int index, ReadOnlyMemory<byte> data, CancellationToken ct = default);

    /// <summary>Once every chunk is in: checks the whole content hashes to the id and stores it. Returns null,
    /// discarding the download, when the manifest lied about the content.</summary>
    /// <param name="requested">The node asked for this blob by id (else it replicates an announcement): for the store's admission.</param>
    /// <exception cref="BlobRefusedException">The store's quota or admission refused it; the download is discarded.</exception>
    Task<BlobInfo?> CompleteAsync(CancellationToken ct = default, bool requested = true);
}
