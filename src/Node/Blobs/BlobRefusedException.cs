namespace FedChain.Node.Blobs;

/// <summary>A fetched blob the store did not take: over its quota, or refused by its <see cref="IBlobAdmission"/>.</summary>
public sealed class BlobRefusedException(BlobId id, string reason) : IOException($"blob {id} not stored: {reason}")
{
    public BlobId Id { get; } = id;

    public string Reason { get; } = reason;
}
