using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>A peer's address (20 bytes) and the endpoint it said it listens on.</summary>
[MessagePackObject]
public sealed record PeerRecord([property: Key(0)] byte[] Address, [property: Key(1)] string Endpoint);
