using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using FedChain.Node.Identity;

namespace FedChain.Node.Transport;

/// <summary>
/// The node's TLS certificate, renewed before it expires: each handshake asks for the current one,
/// and once less than <see cref="RenewBefore"/> of its life is left a fresh certificate (new P-256 key,
/// new binding signed by the member key) takes its place. Connections already open are not affected;
/// the replaced certificate is kept until the next renewal, for handshakes still using it.
/// </summary>
internal sealed class CertificateRenewal : IDisposable
{
    /// <summary>How long each certificate is valid.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(30);

    /// <summary>How much life is left when the certificate is replaced.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(7);

    private readonly NodeKey? _key;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private SslStreamCertificateContext _current;
    private SslStreamCertificateContext? _previous;

    /// <summary>Certificates made for <paramref name="key"/>, renewed as they near expiry.</summary>
    public CertificateRenewal(NodeKey key, TimeProvider time)
    {
        _key = key;
        _time = time;
        _current = Context(NodeCertificate.Create(key, time, Validity));
    }

    /// <summary>One given certificate, never renewed (tests present forged ones).</summary>
    public CertificateRenewal(X509Certificate2 certificate, TimeProvider time)
    {
        _time = time;
        _current = Context(certificate);
    }

    /// <summary>How many times the certificate was replaced.</summary>
    public int Renewals { get; private set; }

    /// <summary>The certificate to present now, renewed first when it is near expiry.</summary>
    public SslStreamCertificateContext Current
    {
        get
        {
            lock (_lock)
            {
                if (_key is not null && _time.GetUtcNow() >= _current.TargetCertificate.NotAfter.ToUniversalTime() - RenewBefore)
                {
                    _previous?.TargetCertificate.Dispose();
                    _previous = _current;
                    _current = Context(NodeCertificate.Create(_key, _time, Validity));
                    Renewals++;
                }

                return _current;
            }
        }
    }

    private static SslStreamCertificateContext Context(X509Certificate2 certificate) =>
        SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true);

    public void Dispose()
    {
        lock (_lock)
        {
            _current.TargetCertificate.Dispose();
            _previous?.TargetCertificate.Dispose();
        }
    }
}
