namespace FedChain.Node.Blobs;

/// <summary>
/// Which blobs peers may put in this node's store (docs/node.md, "What a node stores"). The blob layer asks
/// it twice: when a peer announces a blob (fetch it in the background?) and when a fetched blob is complete
/// and verified, before it is stored. Without one, every announced blob up to the size limit is replicated.
/// Blobs the node publishes itself are not asked about.
/// </summary>
public interface IBlobAdmission
{
    /// <summary>A peer announced <paramref name="id"/> of <paramref name="size"/> bytes: replicate it?</summary>
    bool Wanted(BlobId id, long size);

    /// <summary>
    /// A fetched blob, complete and hashing to its id, about to be stored. <paramref name="requested"/>: this
    /// node asked for it by id (it is one its protocol needs). <paramref name="content"/> reads its bytes.
    /// </summary>
    /// <returns>Null to store it, else why not.</returns>
    string? Refusal(BlobId id, long size, Func<byte[]> content, bool requested);
}
