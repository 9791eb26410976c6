namespace FedChain.Node.Blobs;

/// <summary>A stored blob as the index records it.</summary>
/// <param name="ChunkHashes">SHA-256 of each <paramref name="ChunkSize"/>-byte chunk, concatenated: the manifest peers verify against.</param>
public sealed record BlobInfo(BlobId Id, long Size, int ChunkSize, byte[] ChunkHashes, DateTimeOffset StoredAt)
{
    public int ChunkCount => ChunkHashes.Length / BlobId.Length;
}
