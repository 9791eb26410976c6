using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedChain.Node.Identity;

namespace FedChain.Node.Transport;

/// <summary>Makes the node's TLS certificate: a fresh P-256 key, self-signed, carrying the
/// <see cref="CertificateBinding"/> extension signed by the member key. Made at every start and renewed before it expires (<see cref="CertificateRenewal"/>).</summary>
public static class NodeCertificate
{
    public static X509Certificate2 Create(NodeKey key, TimeProvider time, TimeSpan validity)
    {
        using var ephemeral = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=fedchain {key.Address}", ephemeral, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(CertificateBinding.CreateExtension(key, request.PublicKey.ExportSubjectPublicKeyInfo()));
        var now = time.GetUtcNow();
        // An hour of slack either side for peers whose clocks differ a little.
        return request.CreateSelfSigned(now.AddHours(-1), now + validity);
    }
}
