using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>Asks for a blob's <see cref="Manifest"/>; answered by it or by <see cref="BlobMissing"/> with index -1.</summary>
[MessagePackObject]
public sealed record ManifestRequest([property: Key(0)] byte[] Id) : IWireMessage
{
    [IgnoreMember]
    public MessageCode Code => MessageCode.ManifestRequest;

    public void Validate() => WireLimits.RequireHash(Id, "ManifestRequest.Id");
}
