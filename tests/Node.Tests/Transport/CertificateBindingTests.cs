using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedChain.Node.Identity;
using FedChain.Node.Transport;
using Microsoft.Extensions.Time.Testing;

namespace FedChain.Node.Tests.Transport;

public sealed class CertificateBindingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Verify_NodeCertificate_ProvesTheNodeAddress()
    {
        using var key = NodeKey.Generate();
        using var certificate = NodeCertificate.Create(key, _time, TimeSpan.FromDays(1));

        var sut = CertificateBinding.Verify(certificate, _time);

        Assert.True(sut.IsValid, sut.Failure);
        Assert.Equal(key.Address, sut.Address);
    }

    [Fact]
    public void Verify_BindingOverAnotherPublicKey_Fails()
    {
        using var key = NodeKey.Generate();
        using var ephemeral = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=x", ephemeral, HashAlgorithmName.SHA256);
        // Signed over someone else's SPKI: a binding copied from another certificate.
        request.CertificateExtensions.Add(CertificateBinding.CreateExtension(key, other.ExportSubjectPublicKeyInfo()));
        using var certificate = request.CreateSelfSigned(_time.GetUtcNow().AddHours(-1), _time.GetUtcNow().AddHours(1));

        var sut = CertificateBinding.Verify(certificate, _time);

        Assert.False(sut.IsValid);
        Assert.Contains("not by the key it names", sut.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoExtension_Fails()
    {
        using var ephemeral = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=x", ephemeral, HashAlgorithmName.SHA256)
            .CreateSelfSigned(_time.GetUtcNow().AddHours(-1), _time.GetUtcNow().AddHours(1));

        Assert.Contains("no FedChain key binding", CertificateBinding.Verify(certificate, _time).Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Expired_Fails()
    {
        using var key = NodeKey.Generate();
        using var certificate = NodeCertificate.Create(key, _time, TimeSpan.FromDays(1));

        _time.Advance(TimeSpan.FromDays(2));

        Assert.Contains("not now", CertificateBinding.Verify(certificate, _time).Failure, StringComparison.Ordinal);
    }
}
