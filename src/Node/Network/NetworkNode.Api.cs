using FedChain.Node.Blobs;
using FedChain.Node.Gossip;
using FedChain.Node.Identity;

namespace FedChain.Node.Network;

public sealed partial class NetworkNode
{
    /// <summary>Signs <paramref name="payload"/> and gossips it on <paramref name="topic"/>. Returns the message id.
    /// Payloads are capped (<see cref="GossipOptions.MaxPayloadBytes"/>); publish bigger data as a blob.</summary>
    public string Publish(string topic, ReadOnlyMemory<byte> payload) => _gossip.Publish(topic, payload);

    /// <summary>Calls <paramref name="handler"/> for each verified message on <paramref name="topic"/> from another
    /// member, once per message, on a network thread: hand long work off. Dispose the result to unsubscribe.</summary>
    public IDisposable Subscribe(string topic, Action<ControlMessage> handler) => _gossip.Subscribe(topic, handler);

    /// <summary>Stores <paramref name="content"/> and announces it to peers, who pull it. Returns its id (SHA-256).</summary>
    public async Task<BlobId> PublishBlobAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default) =>
        (await Store.PutAsync(content, ct)).Id;

    /// <summary>Stores <paramref name="content"/> without announcing it: peers get it only by asking for its id, and
    /// it is not replicated (a shard for its aggregator alone). Returns its id (SHA-256).</summary>
    public async Task<BlobId> PublishUnannouncedBlobAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default) =>
        (await Store.PutAsync(content, withhold: true, ct)).Id;

    /// <summary>As <see cref="FetchBlobAsync(BlobId, IEnumerable{NodeAddress}, CancellationToken)"/>, storing the blob
    /// without announcing it, so it goes no further than this node.</summary>
    public Task FetchUnannouncedBlobAsync(BlobId id, IEnumerable<NodeAddress> holders, CancellationToken ct = default)
    {
        Store.Withhold(id);
        return _blobs.FetchAsync(id, holders, ct);
    }

    /// <summary>Returns once blob <paramref name="id"/> is in the local store, pulling it from any peer that has it:
    /// verified chunks, resumable, a bad chunk fetched again elsewhere. Waits for a holder to appear.</summary>
    public Task FetchBlobAsync(BlobId id, CancellationToken ct = default) => _blobs.FetchAsync(id, ct);

    /// <summary>As <see cref="FetchBlobAsync(BlobId, CancellationToken)"/>, also asking <paramref name="holders"/>
    /// (connected peers known to hold it), whether or not they announced it.</summary>
    public Task FetchBlobAsync(BlobId id, IEnumerable<NodeAddress> holders, CancellationToken ct = default) => _blobs.FetchAsync(id, holders, ct);

    public bool HasBlob(BlobId id) => Store.Contains(id);

    /// <summary>How many connected peers announced <paramref name="id"/> (tests wait on it before fetching).</summary>
    internal int HolderCount(BlobId id) => _blobs.HolderCount(id);

    public Task<byte[]> ReadBlobAsync(BlobId id, CancellationToken ct = default) => Store.ReadAllBytesAsync(id, ct);

    /// <summary>As <see cref="ReadBlobAsync"/>, without a copy of a blob held in memory; not to be written to.</summary>
    public ValueTask<ReadOnlyMemory<byte>> ReadOnlyBlobAsync(BlobId id, CancellationToken ct = default) => Store.ReadOnlyAsync(id, ct);

    /// <summary>Copies every stored blob into <paramref name="folder"/> as files named by id, for auditors.</summary>
    public int ExportBlobs(string folder) => Store.ExportTo(folder);
}
