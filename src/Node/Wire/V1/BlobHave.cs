using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>Announces whole blobs the sender holds and will serve. Sent when a blob is stored, and as an
/// inventory right after the hello so late or restarted peers catch up. Blobs are pulled, never pushed.</summary>
[MessagePackObject]
public sealed record BlobHave([property: Key(0)] BlobSummary[] Blobs) : IWireMessage
{
    [IgnoreMember]
    public MessageCode Code => MessageCode.BlobHave;

    public void Validate()
    {
        WireLimits.Require(Blobs is { Length: <= WireLimits.MaxBlobSummaries }, "BlobHave.Blobs missing or too many");
        foreach (var blob in Blobs)
        {
            WireLimits.Require(blob is not null, "BlobHave entry missing");
            WireLimits.RequireHash(blob!.Id, "BlobHave id");
            WireLimits.Require(blob.Size >= 0, "BlobHave size negative");
        }
    }
}
