namespace FedChain.Node.Blobs;

public sealed partial class BlobStore
{
    private readonly Lock _admitting = new();

    /// <summary>Which blobs from peers this store takes (null: any). Set once, before the network starts.</summary>
    public IBlobAdmission? Admission { get; set; }

    /// <summary>The most bytes of blobs from peers the store holds together with its own (null: no limit). Its own blobs are always stored.</summary>
    public long? QuotaBytes { get; set; }

    /// <summary>Raised when a fetched, verified blob is not stored (its id and why), outside the store's lock.</summary>
    public event EventHandler<(BlobId Id, string Reason)>? Refused;

    /// <summary>Bytes of every blob in the store.</summary>
    public long StoredBytes
    {
        get
        {
            lock (_lock) return _index.Values.Sum(b => b.Size);
        }
    }

    /// <summary>Whether a peer's announcement of <paramref name="id"/> is worth fetching: room left and the admission wants it.</summary>
    public bool Wants(BlobId id, long size) =>
        (QuotaBytes is not { } quota || StoredBytes + size <= quota) && (Admission?.Wanted(id, size) ?? true);

    /// <summary>Stores a completed download unless the quota or the admission refuses it.</summary>
    /// <exception cref="BlobRefusedException">Refused; the download is discarded.</exception>
    internal BlobInfo AdmitPartial(PartialBlob partial, bool requested) =>
        Admit(partial.Manifest, partial.ReadAll, requested, () => DiscardPartial(partial), () => CompletePartial(partial));

    /// <summary>Why a fetched, verified blob is not stored (null: it is): the quota, then the admission.</summary>
    private string? RefusalOf(BlobInfo manifest, Func<byte[]> content, bool requested)
    {
        var size = manifest.Size;
        var refused = QuotaBytes is { } quota && StoredBytes + size > quota
            ? $"the store's quota of {quota:N0} bytes would be exceeded ({StoredBytes:N0} held, {size:N0} more)"
            : Admission?.Refusal(manifest.Id, size, content, requested);
        if (refused is not null) Refused?.Invoke(this, (manifest.Id, refused));
        return refused;
    }
}
