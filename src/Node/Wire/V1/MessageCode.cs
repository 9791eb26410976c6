namespace FedChain.Node.Wire.V1;

/// <summary>The message-type byte of a version-1 frame. Values are part of the protocol: never reuse one.</summary>
public enum MessageCode : byte
{
    Hello = 0x01,

    Publish = 0x10,
    Graft = 0x11,
    Prune = 0x12,
    IHave = 0x13,
    IWant = 0x14,

    BlobHave = 0x20,
    ManifestRequest = 0x21,
    Manifest = 0x22,
    ChunkRequest = 0x23,
    Chunk = 0x24,
    BlobMissing = 0x25,

    PeerExchange = 0x30,
}
