using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>The sender cannot serve this blob (<see cref="Index"/> -1: its manifest; otherwise that chunk).</summary>
[MessagePackObject]
public sealed record BlobMissing([property: Key(0)] byte[] Id, [property: Key(1)] int Index) : IWireMessage
{
    [IgnoreMember]
    public MessageCode Code => MessageCode.BlobMissing;

    public void Validate()
    {
        WireLimits.RequireHash(Id, "BlobMissing.Id");
        WireLimits.Require(Index is >= -1 and < WireLimits.MaxChunks, "BlobMissing.Index out of range");
    }
}
