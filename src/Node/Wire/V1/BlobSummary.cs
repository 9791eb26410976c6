using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>A blob's content id (SHA-256 of its bytes) and size.</summary>
[MessagePackObject]
public sealed record BlobSummary([property: Key(0)] byte[] Id, [property: Key(1)] long Size);
