using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedChain.Node.Gossip;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.Network;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Tests.Support;
using FedChain.Node.Transport;
using Microsoft.Extensions.Time.Testing;

namespace FedChain.Node.Tests.Network;

/// <summary>Each attack is refused, counted in metrics and logged, and the node keeps serving honest peers.</summary>
public sealed class SecurityTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Connect_NonMember_IsRejectedCountedAndLogged()
    {
        await using var cluster = await LoopbackCluster.StartAsync(1);
        var node = cluster[0];
        using var outsider = NodeKey.Generate();

        await TryConnectAsync(outsider, node, cluster.Membership, cluster.Time);

        await cluster.WaitUntilAsync(() => node.Metrics.Rejections(RejectionReason.NonMember) == 1, "a NonMember rejection");
        Assert.True(cluster.Logs.Has(2004, "NonMember"));
        Assert.Empty(node.ConnectedPeers);
    }

    [Fact]
    public async Task Connect_BindingSignedByAnotherKey_IsRejectedAsBadBinding()
    {
        await using var cluster = await LoopbackCluster.StartAsync(1);
        var node = cluster[0];
        using var member = NodeKey.Generate();
        using var forger = NodeKey.Generate();
        cluster.Membership.Set(new Member(member.Address, null));
        // The extension names the member's public key, but the SPKI signature is the forger's.
        using var ephemeral = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=forged", ephemeral, HashAlgorithmName.SHA256);
        var spki = request.PublicKey.ExportSubjectPublicKeyInfo();
        request.CertificateExtensions.Add(CertificateBinding.CreateExtension(member.CompressedPublicKey, forger.Sign(SignatureDomain.TlsHandshake, spki)));
        var now = cluster.Time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddHours(-1), now.AddHours(1));
        using var transport = new TlsTransport(member, cluster.Membership, new PeerScoreBook(new ScoringOptions(), cluster.Time), cluster.Time,
            TimeSpan.FromSeconds(5), new TransportMetrics(), certificate);

        try
        {
            await using var peer = await RawPeer.ConnectAsync(transport, node.ListenEndPoint!);
            await peer.Closed.WaitAsync(Timeout);
        }
        catch (HandshakeRejectedException)
        {
            // Either side may notice first under TLS 1.3.
        }

        await cluster.WaitUntilAsync(() => node.Metrics.Rejections(RejectionReason.BadCertificateBinding) == 1, "a BadCertificateBinding rejection");
        Assert.True(cluster.Logs.Has(2004, "BadCertificateBinding"));
        Assert.Empty(node.ConnectedPeers);
    }

    [Fact]
    public async Task Publish_SignedByNonMember_IsRejectedAndNotDelivered()
    {
        await using var cluster = await LoopbackCluster.StartAsync(1);
        var node = cluster[0];
        using var member = AddMember(cluster);
        using var outsider = NodeKey.Generate();
        var delivered = Deliveries(node, "t");
        await using var peer = await RawPeer.ConnectAsync(member, node.ListenEndPoint!, cluster.Membership, cluster.Time);

        await peer.SendAsync(SignedControlMessage.Create(outsider, "t", 1, Now(cluster), [1, 2, 3], 3));
        await peer.SendAsync(SignedControlMessage.Create(member, "t", 2, Now(cluster), [9], 3));

        var first = await delivered.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.Equal(member.Address, first.Origin);
        Assert.Equal([9], first.Payload.ToArray());
        Assert.Equal(1, node.Metrics.Rejections(RejectionReason.NonMemberOrigin));
        Assert.True(cluster.Logs.Has(2010, "NonMemberOrigin"));
        Assert.True(node.Scores.ScoreOf(member.Address) < 0);
    }

    [Fact]
    public async Task Publish_MalformedSignature_IsRejectedAsInvalidSignature()
    {
        await using var cluster = await LoopbackCluster.StartAsync(1);
        var node = cluster[0];
        using var member = AddMember(cluster);
        var delivered = Deliveries(node, "t");
        await using var peer = await RawPeer.ConnectAsync(member, node.ListenEndPoint!, cluster.Membership, cluster.Time);
        var forged = SignedControlMessage.Create(member, "t", 1, Now(cluster), [1], 3);
        forged.Signature[64] = 99;

        await peer.SendAsync(forged);
        await peer.SendAsync(SignedControlMessage.Create(member, "t", 2, Now(cluster), [2], 3));

        Assert.Equal([2], (await delivered.Reader.ReadAsync().AsTask().WaitAsync(Timeout)).Payload.ToArray());
        Assert.Equal(1, node.Metrics.Rejections(RejectionReason.InvalidSignature));
        Assert.True(cluster.Logs.Has(2010, "InvalidSignature"));
    }

    [Fact]
    public async Task Publish_Replayed_IsDroppedAsDuplicateThenRejectedAsReplayOnceOutOfWindow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var cluster = await LoopbackCluster.StartAsync(1, time: time);
        var node = cluster[0];
        using var member = AddMember(cluster);
        var delivered = Deliveries(node, "t");
        await using var peer = await RawPeer.ConnectAsync(member, node.ListenEndPoint!, cluster.Membership, time);
        var original = SignedControlMessage.Create(member, "t", 1, Now(cluster), [7], 3);

        await peer.SendAsync(original);
        Assert.Equal([7], (await delivered.Reader.ReadAsync().AsTask().WaitAsync(Timeout)).Payload.ToArray());

        // Inside the window: the seen-cache drops it.
        await peer.SendAsync(original);
        await peer.SendAsync(SignedControlMessage.Create(member, "t", 2, Now(cluster), [8], 3));
        Assert.Equal([8], (await delivered.Reader.ReadAsync().AsTask().WaitAsync(Timeout)).Payload.ToArray());
        Assert.Equal(1, node.Metrics.Rejections(RejectionReason.Duplicate));

        // After the seen-cache forgot it, its signed timestamp gives it away.
        time.Advance(TimeSpan.FromMinutes(3));
        await peer.SendAsync(original);
        await peer.SendAsync(SignedControlMessage.Create(member, "t", 3, Now(cluster), [9], 3));
        Assert.Equal([9], (await delivered.Reader.ReadAsync().AsTask().WaitAsync(Timeout)).Payload.ToArray());
        Assert.Equal(1, node.Metrics.Rejections(RejectionReason.Replay));
        Assert.True(cluster.Logs.Has(2010, "Replay"));
        Assert.False(delivered.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Frame_Oversize_IsRejectedAndTheConnectionClosed()
    {
        await using var cluster = await LoopbackCluster.StartAsync(1);
        var node = cluster[0];
        using var member = AddMember(cluster);
        await using var peer = await RawPeer.ConnectAsync(member, node.ListenEndPoint!, cluster.Membership, cluster.Time);
        var frame = new byte[64];
        BinaryPrimitives.WriteUInt32BigEndian(frame, 64 * 1024 * 1024);

        await peer.SendRawAsync(frame);

        await peer.Closed.WaitAsync(Timeout);
        await cluster.WaitUntilAsync(() => node.Metrics.Rejections(RejectionReason.OversizeFrame) == 1, "an OversizeFrame rejection");
        Assert.True(cluster.Logs.Has(2010, "OversizeFrame"));
        Assert.Equal(-60, node.Scores.ScoreOf(member.Address), precision: 0);
    }

    [Fact]
    public async Task Penalties_BelowThreshold_BanThePeerUntilTheBanExpires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var cluster = await LoopbackCluster.StartAsync(1, time: time);
        var node = cluster[0];
        using var member = AddMember(cluster);
        var oversize = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(oversize, uint.MaxValue);
        for (var i = 0; i < 2; i++)
        {
            await using var peer = await RawPeer.ConnectAsync(member, node.ListenEndPoint!, cluster.Membership, time);
            await peer.SendRawAsync(oversize);
            await peer.Closed.WaitAsync(Timeout);
        }

        await cluster.WaitUntilAsync(() => node.Scores.IsBanned(member.Address), "the ban");
        Assert.Equal(1, node.Metrics.Event("peers.banned"));
        await TryConnectAsync(member, node, cluster.Membership, time);
        await cluster.WaitUntilAsync(() => node.Metrics.Rejections(RejectionReason.Banned) == 1, "a Banned rejection");

        time.Advance(TimeSpan.FromMinutes(10));
        await using var again = await RawPeer.ConnectAsync(member, node.ListenEndPoint!, cluster.Membership, time);
        await cluster.WaitUntilAsync(() => node.ConnectedPeers.Contains(member.Address), "the peer back after its ban");
    }

    [Fact]
    public async Task Membership_MemberRemoved_IsDisconnected()
    {
        await using var cluster = await LoopbackCluster.StartAsync(2);
        await cluster.WaitUntilAsync(() => cluster[0].ConnectedPeers.Count == 1, "the two nodes connected");
        var removed = cluster[1].Address;

        cluster.Membership.Remove(removed);

        await cluster.WaitUntilAsync(() => cluster[0].ConnectedPeers.Count == 0, "the removed member disconnected");
        Assert.True(cluster.Logs.Has(2003, "no longer a member"));
    }

    private static NodeKey AddMember(LoopbackCluster cluster)
    {
        var key = NodeKey.Generate();
        cluster.Membership.Set(new Member(key.Address, null));
        return key;
    }

    private static long Now(LoopbackCluster cluster) => cluster.Time.GetUtcNow().ToUnixTimeMilliseconds();

    private static System.Threading.Channels.Channel<ControlMessage> Deliveries(NetworkNode node, string topic)
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<ControlMessage>();
        node.Subscribe(topic, m => channel.Writer.TryWrite(m));
        return channel;
    }

    private static async Task TryConnectAsync(NodeKey key, NetworkNode node, IMembershipView membership, TimeProvider time)
    {
        try
        {
            await using var peer = await RawPeer.ConnectAsync(key, node.ListenEndPoint!, membership, time);
            await peer.Closed.WaitAsync(Timeout);
        }
        catch (Exception e) when (e is HandshakeRejectedException or IOException)
        {
            // Under TLS 1.3 the client may finish before the server refuses its certificate.
        }
    }
}
