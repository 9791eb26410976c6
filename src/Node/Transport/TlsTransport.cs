using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.PeerPenalties;

namespace FedChain.Node.Transport;

/// <summary>
/// TCP with TLS 1.3 through SslStream, authenticated both ways. Each side presents its bound
/// certificate; the other recovers the member address from the binding and accepts only a current,
/// unbanned member (and, when dialling, the member it meant to reach). No cipher here is ours.
/// </summary>
public sealed class TlsTransport : IDisposable
{
    private readonly NodeKey _key;
    private readonly IMembershipView _membership;
    private readonly PeerScoreBook _scores;
    private readonly TimeProvider _time;
    private readonly TimeSpan _handshakeTimeout;
    private readonly TransportMetrics _metrics;
    private readonly CertificateRenewal _certificates;

    public TlsTransport(NodeKey key, IMembershipView membership, PeerScoreBook scores, TimeProvider time, TimeSpan handshakeTimeout, TransportMetrics metrics)
        : this(key, membership, scores, time, handshakeTimeout, metrics, new CertificateRenewal(key, time))
    {
    }

    /// <summary>With a given certificate, never renewed: tests use it to present a forged binding.</summary>
    internal TlsTransport(NodeKey key, IMembershipView membership, PeerScoreBook scores, TimeProvider time, TimeSpan handshakeTimeout, TransportMetrics metrics, X509Certificate2 certificate)
        : this(key, membership, scores, time, handshakeTimeout, metrics, new CertificateRenewal(certificate, time))
    {
    }

    private TlsTransport(NodeKey key, IMembershipView membership, PeerScoreBook scores, TimeProvider time, TimeSpan handshakeTimeout, TransportMetrics metrics, CertificateRenewal certificates)
    {
        _key = key;
        _membership = membership;
        _scores = scores;
        _time = time;
        _handshakeTimeout = handshakeTimeout;
        _metrics = metrics;
        _certificates = certificates;
    }

    /// <summary>How many times this transport's certificate was renewed.</summary>
    internal int CertificateRenewals => _certificates.Renewals;

    /// <summary>Runs the server side of the handshake on an accepted socket.</summary>
    public Task<AuthenticatedLink> AcceptAsync(Socket socket, CancellationToken ct) => HandshakeAsync(socket, inbound: true, expected: null, ct);

    /// <summary>Connects to <paramref name="endPoint"/> and runs the client side. With <paramref name="expected"/>,
    /// the peer must prove that address.</summary>
    public async Task<AuthenticatedLink> DialAsync(DnsEndPoint endPoint, NodeAddress? expected, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_handshakeTimeout);
            await socket.ConnectAsync(endPoint, timeout.Token);
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            socket.Dispose();
            throw new HandshakeRejectedException(RejectionReason.HandshakeFailed, $"{endPoint.Host}:{endPoint.Port}", $"cannot connect: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return await HandshakeAsync(socket, inbound: false, expected, ct);
    }

    private async Task<AuthenticatedLink> HandshakeAsync(Socket socket, bool inbound, NodeAddress? expected, CancellationToken ct)
    {
        var remote = socket.RemoteEndPoint?.ToString() ?? "unknown";
        var coalescing = new CoalescingStream(new CountingStream(new NetworkStream(socket, ownsSocket: true), _metrics.AddIn, _metrics.AddOut));
        var ssl = new SslStream(coalescing, leaveInnerStreamOpen: false);
        var verdict = new Verdict();
        bool Check(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => Verify(certificate, expected, verdict);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_handshakeTimeout);
        try
        {
            if (inbound)
            {
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = _certificates.Current,
                    ClientCertificateRequired = true,
                    EnabledSslProtocols = SslProtocols.Tls13,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                    RemoteCertificateValidationCallback = Check,
                }, timeout.Token);
            }
            else
            {
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = "fedchain",
                    ClientCertificateContext = _certificates.Current,
                    EnabledSslProtocols = SslProtocols.Tls13,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                    RemoteCertificateValidationCallback = Check,
                }, timeout.Token);
            }
        }
        catch (Exception e) when (e is AuthenticationException or IOException or SocketException or ObjectDisposedException
                                  || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            await ssl.DisposeAsync();
            throw new HandshakeRejectedException(verdict.Reason ?? RejectionReason.HandshakeFailed, remote, verdict.Detail ?? e.Message, e);
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }

        if (verdict.Address is not { } address)
        {
            await ssl.DisposeAsync();
            throw new HandshakeRejectedException(RejectionReason.HandshakeFailed, remote, "the peer presented no certificate");
        }

        coalescing.Enabled = true;
        var pipe = new DuplexPipe(
            PipeReader.Create(ssl, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true)),
            // Segments big enough for a whole chunk frame: SslStream then gets one write per frame, not one per 4 KiB.
            PipeWriter.Create(ssl, new StreamPipeWriterOptions(minimumBufferSize: 80 * 1024, leaveOpen: true)));
        return new AuthenticatedLink(address, pipe, remote, inbound, () => Abort(socket), ssl);
    }

    private bool Verify(X509Certificate? certificate, NodeAddress? expected, Verdict verdict)
    {
        if (certificate is null) return verdict.Reject(RejectionReason.HandshakeFailed, "the peer presented no certificate");
        using var parsed = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var binding = CertificateBinding.Verify(parsed, _time);
        if (!binding.IsValid) return verdict.Reject(RejectionReason.BadCertificateBinding, binding.Failure!);
        var address = binding.Address;
        if (address == _key.Address) return verdict.Reject(RejectionReason.UnexpectedPeer, "the peer is this node itself");
        if (expected is { } wanted && wanted != address) return verdict.Reject(RejectionReason.UnexpectedPeer, $"expected {wanted}, the certificate proves {address}");
        if (!_membership.IsMember(address)) return verdict.Reject(RejectionReason.NonMember, $"{address} is not a current member");
        if (_scores.BannedUntil(address) is { } until) return verdict.Reject(RejectionReason.Banned, $"{address} is banned until {until:u}");
        verdict.Address = address;
        return true;
    }

    private static void Abort(Socket socket)
    {
        try
        {
            // Linger 0 sends a reset, as a crashed peer or a cut cable would look to the other side.
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // already closed
        }

        socket.Dispose();
    }

    public void Dispose()
    {
        _certificates.Dispose();
    }

    private sealed class Verdict
    {
        public NodeAddress? Address { get; set; }

        public RejectionReason? Reason { get; private set; }

        public string? Detail { get; private set; }

        public bool Reject(RejectionReason reason, string detail)
        {
            Reason = reason;
            Detail = detail;
            return false;
        }
    }
}
