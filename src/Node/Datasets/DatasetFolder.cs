using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Schema;

namespace FedChain.Node.Datasets;

/// <summary>A dataset folder holding schema.json and sites.json (data/&lt;name&gt;/ in the repository).</summary>
internal sealed record DatasetFolder(string Path, DatasetSchema Schema, SiteManifest Sites)
{
    /// <summary>Uses <paramref name="explicitPath"/> when given, else finds data/&lt;name&gt; above the working directory or the executable.</summary>
    public static DatasetFolder Find(string name, string? explicitPath)
    {
        var folder = Locate(name, explicitPath);
        var schema = DatasetSchema.Load(System.IO.Path.Combine(folder, "schema.json"));
        var sites = SiteManifest.Load(System.IO.Path.Combine(folder, "sites.json"));
        return new DatasetFolder(folder, schema, sites);
    }

    /// <summary>The folder's path: <paramref name="explicitPath"/> when given, else data/&lt;name&gt; above the working directory or the executable.</summary>
    public static string Locate(string name, string? explicitPath) =>
        explicitPath ?? Candidates(name).FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException($"no data/{name} folder above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'; pass --data DIR");

    private static IEnumerable<string> Candidates(string name)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                yield return System.IO.Path.Combine(dir.FullName, "data", name);
            }
        }
    }
}
