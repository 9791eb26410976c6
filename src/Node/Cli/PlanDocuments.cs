using FedChain.Learning.Plans;
using FedChain.Node.Agent;
using FedChain.Node.Blobs;

namespace FedChain.Node.Cli;

/// <summary>Finds a plan document by file or by hash (in a node's blob store or a folder of exported blobs).</summary>
internal static class PlanDocuments
{
    public static bool IsHash(string text) => text.Length == 64 && text.All(Uri.IsHexDigit);

    public static TrainingPlan Load(string fileOrHash, NodeConfig? config, string? blobsFolder)
    {
        if (!IsHash(fileOrHash))
        {
            if (!File.Exists(fileOrHash)) throw new FileNotFoundException($"plan file {Path.GetFullPath(fileOrHash)} does not exist (or give a plan hash: 64 hex digits)", fileOrHash);
            return TrainingPlan.Parse(File.ReadAllText(fileOrHash), fileOrHash);
        }

        var hash = fileOrHash.ToLowerInvariant();
        var folder = blobsFolder ?? config?.BlobStoreFolder ?? throw new ArgumentException($"to look plan {hash[..12]} up by hash give --config (your node's store) or --blobs DIR");
        var bytes = ExportedBlobs.TryRead(folder, hash)
            ?? throw new FileNotFoundException($"plan document {hash} is not in {folder}; a running node fetches the documents of proposed plans", hash);
        var plan = TrainingPlan.Parse(System.Text.Encoding.UTF8.GetString(bytes), $"blob {hash}");
        return plan.Hash == hash ? plan : throw new InvalidDataException($"blob {hash} is not in canonical form: it parses as plan {plan.Hash}");
    }
}
