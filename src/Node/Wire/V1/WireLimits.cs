namespace FedChain.Node.Wire.V1;

/// <summary>Field caps checked on every decoded message, so no peer can make us hold unbounded lists.</summary>
public static class WireLimits
{
    public const int HashLength = 32;
    public const int MaxTopicLength = 128;
    public const int MaxAgentLength = 64;
    public const int MaxEndpointLength = 256;
    public const int MaxMessageIds = 4096;
    public const int MaxBlobSummaries = 4096;
    public const int MaxPeerRecords = 256;
    public const int MaxChunks = 1 << 16;

    internal static void Require(bool condition, string what)
    {
        if (!condition) throw new MalformedFrameException(what);
    }

    internal static void RequireHash(byte[]? hash, string field) =>
        Require(hash is { Length: HashLength }, $"{field} must be {HashLength} bytes");
}
