using FedChain.Node.Blobs;

namespace FedChain.Node.Tests.Analyses;

/// <summary>Reading an exported blob folder.</summary>
internal static class BlobFolder
{
    public static byte[] Blob(string folder, byte[] hash) =>
        ExportedBlobs.TryRead(folder, Convert.ToHexStringLower(hash)) ?? throw new Xunit.Sdk.XunitException($"blob {Convert.ToHexStringLower(hash)} is not exported");

    public static IEnumerable<(string Id, byte[] Content)> All(string folder) => ExportedBlobs.ReadAll(folder);
}
