namespace FedChain.Node.Identity;

/// <summary>
/// Separates what one key signs for different purposes, so a signature made for one context can
/// never be replayed in another. Each area defines its own domains next to the code that signs.
/// </summary>
/// <param name="Name">A short ASCII name such as "fedchain-gossip-v1"; it is hashed into every digest.</param>
public readonly record struct SignatureDomain(string Name)
{
    /// <summary>The binding of a TLS certificate's public key to a member key (see Transport/CertificateBinding).</summary>
    public static SignatureDomain TlsHandshake { get; } = new("fedchain-tls-handshake");

    /// <summary>Control messages gossiped between nodes.</summary>
    public static SignatureDomain Gossip { get; } = new("fedchain-gossip-v1");

    public override string ToString() => Name;
}
