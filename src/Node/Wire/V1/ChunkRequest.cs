using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>Asks for one chunk of a blob; answered by <see cref="Chunk"/> or <see cref="BlobMissing"/>.</summary>
[MessagePackObject]
public sealed record ChunkRequest([property: Key(0)] byte[] Id, [property: Key(1)] int Index) : IWireMessage
{
    [IgnoreMember]
    public MessageCode Code => MessageCode.ChunkRequest;

    public void Validate()
    {
        WireLimits.RequireHash(Id, "ChunkRequest.Id");
        WireLimits.Require(Index is >= 0 and < WireLimits.MaxChunks, "ChunkRequest.Index out of range");
    }
}
