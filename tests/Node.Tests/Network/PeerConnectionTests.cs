using FedChain.Node.Blobs;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.Network;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Transport;
using FedChain.Node.Wire;
using FedChain.Node.Wire.V1;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Network;

/// <summary>The session logic over an in-memory link, no sockets: the same code the TLS transport feeds.</summary>
public sealed class PeerConnectionTests
{
    [Fact]
    public async Task Session_MessagesBeforeHello_AreRefusedThenAcceptedAfterIt()
    {
        using var folder = new TempDirectory();
        using var key = NodeKey.Generate();
        using var remote = NodeKey.Generate();
        var membership = new InMemoryMembership([new Member(key.Address, null), new Member(remote.Address, null)]);
        using var store = BlobStore.Open(folder.Path);
        await using var sut = new NetworkNode(key, membership, store, new NetworkOptions());
        var (remoteEnd, nodeEnd) = InMemoryLink.CreatePair(remote.Address, key.Address);
        var session = sut.RunLinkAsync(nodeEnd);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sut.StateChanged += (_, _) => { if (sut.ConnectedPeers.Contains(remote.Address)) ready.TrySetResult(); };
        var rejected = new TaskCompletionSource<RejectionEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        sut.Rejected += (_, e) => rejected.TrySetResult(e);

        await remoteEnd.Pipe.Output.WriteAsync(WireCodec.Encode(new Graft()));
        var refusal = await rejected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await remoteEnd.Pipe.Output.WriteAsync(WireCodec.Encode(new Hello("memory", null)));
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RejectionReason.MalformedFrame, refusal.Reason);
        Assert.Contains("before hello", refusal.Detail, StringComparison.Ordinal);
        remoteEnd.Abort();
        await session.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(sut.ConnectedPeers);
    }
}
