namespace FedChain.Node.Audit;

/// <summary>
/// Several members' blob exports as one folder for the auditor. A fully replicated plan leaves every blob on every
/// member, so one export will do; a sharded plan leaves each shard only on its member and its aggregators
/// (docs/network.md, "Who holds what"), so the auditor collects every member's export. Files are named by their
/// SHA-256, so the union is a copy that skips names already there.
/// </summary>
public static class GatheredExports
{
    /// <summary>Copies the blob files of <paramref name="exports"/> (missing folders skipped) into <paramref name="into"/>; returns it.</summary>
    public static string Gather(IEnumerable<string> exports, string into)
    {
        Directory.CreateDirectory(into);
        foreach (var export in exports.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(export).Where(f => Path.GetFileName(f).Length == 64))
            {
                var target = Path.Combine(into, Path.GetFileName(file));
                if (!File.Exists(target)) File.Copy(file, target);
            }
        }

        return into;
    }
}
