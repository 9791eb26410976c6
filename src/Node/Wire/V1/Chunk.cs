using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>One chunk of a blob. Verified against the manifest's hash before it is written.</summary>
[MessagePackObject]
public sealed record Chunk([property: Key(0)] byte[] Id, [property: Key(1)] int Index, [property: Key(2)] byte[] Data) : IWireMessage
{
    [IgnoreMember]
    public MessageCode Code => MessageCode.Chunk;

    public void Validate()
    {
        WireLimits.RequireHash(Id, "Chunk.Id");
        WireLimits.Require(Index is >= 0 and < WireLimits.MaxChunks, "Chunk.Index out of range");
        WireLimits.Require(Data is not null, "Chunk.Data missing");
    }
}
