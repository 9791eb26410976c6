using FedChain.Node.Identity;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Network;

public sealed partial class NetworkNode
{
    private async ValueTask DispatchAsync(PeerConnection from, IWireMessage message, CancellationToken ct)
    {
        var peer = from.Remote;
        switch (message)
        {
            case Hello hello:
                OnHello(from, hello);
                break;
            case Publish publish:
                _gossip.OnPublish(peer, publish);
                break;
            case Graft:
                _gossip.OnGraft(peer);
                break;
            case Prune:
                _gossip.OnPrune(peer);
                break;
            case IHave ihave:
                _gossip.OnIHave(peer, ihave);
                break;
            case IWant iwant:
                _gossip.OnIWant(peer, iwant);
                break;
            case BlobHave have:
                _blobs.OnBlobHave(peer, have);
                break;
            case ManifestRequest request:
                await _blobs.OnManifestRequestAsync(peer, request, ct);
                break;
            case ChunkRequest request:
                await _blobs.OnChunkRequestAsync(peer, request, ct);
                break;
            case Manifest or Chunk or BlobMissing:
                _blobs.OnResponse(peer, message);
                break;
            case PeerExchange exchange:
                foreach (var record in exchange.Peers) _directory.Learn(NodeAddress.FromBytes(record.Address), record.Endpoint);
                break;
        }
    }

    private void OnHello(PeerConnection from, Hello hello)
    {
        if (hello.ListenEndpoint is { } endpoint) _directory.Learn(from.Remote, endpoint);
        _gossip.PeerReady(from.Remote);
        from.TrySend(_blobs.Inventory());
        from.TrySend(_directory.Exchange(_connections.Keys.Where(p => p != from.Remote)));
        RaiseStateChanged();
    }
}
