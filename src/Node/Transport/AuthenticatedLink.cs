using System.IO.Pipelines;
using FedChain.Node.Identity;

namespace FedChain.Node.Transport;

/// <summary>
/// A byte pipe to a peer whose member address has been proven. The session logic (Network/PeerConnection)
/// only sees this, so it runs the same over TLS sockets and over <see cref="InMemoryLink"/>.
/// </summary>
public sealed class AuthenticatedLink(NodeAddress remote, IDuplexPipe pipe, string remoteEndPoint, bool inbound, Action abort, IAsyncDisposable? resource) : IAsyncDisposable
{
    public NodeAddress Remote { get; } = remote;

    public IDuplexPipe Pipe { get; } = pipe;

    /// <summary>The remote socket address, for logs.</summary>
    public string RemoteEndPoint { get; } = remoteEndPoint;

    /// <summary>True when the remote side dialled us.</summary>
    public bool Inbound { get; } = inbound;

    /// <summary>Cuts the link at once (tests use it to drop connections mid-transfer).</summary>
    public void Abort() => abort();

    public async ValueTask DisposeAsync()
    {
        if (resource is not null) await resource.DisposeAsync();
    }
}
