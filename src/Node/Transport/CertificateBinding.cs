using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using FedChain.Node.Identity;
using NBitcoin.Secp256k1;

namespace FedChain.Node.Transport;

/// <summary>
/// Binds a TLS certificate to a member key, after the libp2p TLS handshake spec
/// (github.com/libp2p/specs, tls/tls.md, "libp2p Public Key Extension"): the certificate's key is
/// ephemeral and self-signed, and an extension holds
/// <c>SignedKey ::= SEQUENCE { publicKey OCTET STRING, signature OCTET STRING }</c> in which the member's
/// secp256k1 key signs the certificate's DER SubjectPublicKeyInfo. Where libp2p signs
/// "libp2p-tls-handshake:" || SPKI, we sign SPKI under <see cref="SignatureDomain.TlsHandshake"/>
/// (see <see cref="MessageSignature"/>), so the verifier recovers the member address.
/// </summary>
public static class CertificateBinding
{
    /// <summary>The extension's OID: a UUID-derived OID under 2.25 (ITU-T X.667), needing no registration.</summary>
    public const string ExtensionOid = "2.25.279236390742492188414807161842778201462";

    /// <summary>The extension in which <paramref name="key"/> signs <paramref name="subjectPublicKeyInfo"/>.</summary>
    public static X509Extension CreateExtension(NodeKey key, ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        CreateExtension(key.CompressedPublicKey, key.Sign(SignatureDomain.TlsHandshake, subjectPublicKeyInfo));

    internal static X509Extension CreateExtension(byte[] publicKey, byte[] signature)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteOctetString(publicKey);
            writer.WriteOctetString(signature);
        }

        return new X509Extension(ExtensionOid, writer.Encode(), critical: false);
    }

    /// <summary>Checks the binding in <paramref name="certificate"/> and returns the member address it proves,
    /// or the reason it proves nothing. Validity dates are checked against <paramref name="time"/>.</summary>
    public static BindingResult Verify(X509Certificate2 certificate, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            return BindingResult.Fail($"certificate valid {certificate.NotBefore:u} to {certificate.NotAfter:u}, not now ({now:u})");
        }

        var extension = certificate.Extensions.FirstOrDefault(e => e.Oid?.Value == ExtensionOid);
        if (extension is null) return BindingResult.Fail("certificate has no FedChain key binding extension");

        byte[] publicKey, signature;
        try
        {
            var reader = new AsnReader(extension.RawData, AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            publicKey = sequence.ReadOctetString();
            signature = sequence.ReadOctetString();
            sequence.ThrowIfNotEmpty();
            reader.ThrowIfNotEmpty();
        }
        catch (AsnContentException e)
        {
            return BindingResult.Fail($"key binding extension is not a SignedKey: {e.Message}");
        }

        if (!ECPubKey.TryCreate(publicKey, Context.Instance, out _, out var secpKey))
        {
            return BindingResult.Fail("key binding holds no valid secp256k1 public key");
        }

        var spki = certificate.PublicKey.ExportSubjectPublicKeyInfo();
        if (!MessageSignature.TryRecover(SignatureDomain.TlsHandshake, spki, signature, out var signer))
        {
            return BindingResult.Fail("key binding signature is malformed");
        }

        var claimed = MessageSignature.AddressOf(secpKey);
        return signer == claimed
            ? BindingResult.Ok(signer)
            : BindingResult.Fail($"key binding signature was made by {signer}, not by the key it names ({claimed})");
    }
}
