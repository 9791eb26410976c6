using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>How a blob is cut into chunks: the SHA-256 of every chunk, concatenated, so each chunk is
/// verified on arrival. The blob as a whole must still hash to <see cref="Id"/>.</summary>
[MessagePackObject]
public sealed record Manifest(
    [property: Key(0)] byte[] Id,
    [property: Key(1)] long Size,
    [property: Key(2)] int ChunkSize,
    [property: Key(3)] byte[] ChunkHashes) : IWireMessage
{
    [IgnoreMember]
    public MessageCode Code => MessageCode.Manifest;

    [IgnoreMember]
    public int ChunkCount => ChunkHashes.Length / WireLimits.HashLength;

    public void Validate()
    {
        WireLimits.RequireHash(Id, "Manifest.Id");
        WireLimits.Require(Size >= 0, "Manifest.Size negative");
        WireLimits.Require(ChunkSize > 0, "Manifest.ChunkSize must be positive");
        WireLimits.Require(ChunkHashes is not null && ChunkHashes.Length % WireLimits.HashLength == 0, "Manifest.ChunkHashes must be whole hashes");
        var expected = (Size + ChunkSize - 1) / ChunkSize;
        WireLimits.Require(expected <= WireLimits.MaxChunks && ChunkHashes!.Length == expected * WireLimits.HashLength,
            $"Manifest has {ChunkHashes!.Length / WireLimits.HashLength} chunk hashes for {expected} chunks");
    }
}
