using System.IO.Pipelines;
using FedChain.Node.Identity;

namespace FedChain.Node.Transport;

/// <summary>Two ends of a link held in memory, for running the protocol without sockets in tests and benchmarks.</summary>
public static class InMemoryLink
{
    /// <summary>A connected pair: the first end is <paramref name="dialer"/>'s (its remote is <paramref name="listener"/>), the second the listener's.</summary>
    public static (AuthenticatedLink DialerEnd, AuthenticatedLink ListenerEnd) CreatePair(NodeAddress dialer, NodeAddress listener)
    {
        var toListener = new Pipe();
        var toDialer = new Pipe();
        void Abort()
        {
            toListener.Writer.Complete(new IOException("link aborted"));
            toDialer.Writer.Complete(new IOException("link aborted"));
        }

        var dialerEnd = new AuthenticatedLink(listener, new DuplexPipe(toDialer.Reader, toListener.Writer), "memory", inbound: false, Abort, null);
        var listenerEnd = new AuthenticatedLink(dialer, new DuplexPipe(toListener.Reader, toDialer.Writer), "memory", inbound: true, Abort, null);
        return (dialerEnd, listenerEnd);
    }
}
