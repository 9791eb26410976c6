using System.Net;
using System.Net.Sockets;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.PeerPenalties;
using FedChain.Node.Transport;
using Microsoft.Extensions.Time.Testing;

namespace FedChain.Node.Tests.Transport;

public sealed class CertificateRenewalTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Current_NearExpiry_IsAFreshCertificateStillBoundToTheMember()
    {
        using var key = NodeKey.Generate();
        using var sut = new CertificateRenewal(key, _time);
        var first = sut.Current.TargetCertificate.NotAfter;

        _time.Advance(TimeSpan.FromDays(22));
        var before = sut.Current.TargetCertificate;
        _time.Advance(TimeSpan.FromDays(2));
        var renewed = sut.Current.TargetCertificate;

        Assert.Equal(first, before.NotAfter);
        Assert.Equal(1, sut.Renewals);
        Assert.True(renewed.NotAfter > first.AddDays(20));
        var binding = CertificateBinding.Verify(renewed, _time);
        Assert.True(binding.IsValid, binding.Failure);
        Assert.Equal(key.Address, binding.Address);
    }

    [Fact]
    public async Task Handshake_FortyDaysAfterTheTransportsWereMade_SucceedsWithRenewedCertificates()
    {
        using var serverKey = NodeKey.Generate();
        using var clientKey = NodeKey.Generate();
        var members = new InMemoryMembership([new Member(serverKey.Address, null), new Member(clientKey.Address, null)]);
        using var server = new TlsTransport(serverKey, members, new PeerScoreBook(new ScoringOptions(), _time), _time, TimeSpan.FromSeconds(10), new TransportMetrics());
        using var client = new TlsTransport(clientKey, members, new PeerScoreBook(new ScoringOptions(), _time), _time, TimeSpan.FromSeconds(10), new TransportMetrics());
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        // Past the first certificates' 30 days: each side would refuse the other's as expired.
        _time.Advance(TimeSpan.FromDays(40));
        var accepted = AcceptAsync(listener, server);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var dialled = await client.DialAsync(new DnsEndPoint("127.0.0.1", port), serverKey.Address, CancellationToken.None);
        await using var inbound = await accepted;

        Assert.Equal(serverKey.Address, dialled.Remote);
        Assert.Equal(clientKey.Address, inbound.Remote);
        Assert.Equal(1, server.CertificateRenewals);
        Assert.Equal(1, client.CertificateRenewals);
    }

    private static async Task<AuthenticatedLink> AcceptAsync(TcpListener listener, TlsTransport server)
    {
        var socket = await listener.AcceptSocketAsync();
        return await server.AcceptAsync(socket, CancellationToken.None);
    }
}
