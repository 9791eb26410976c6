using FedChain.Learning.Data;
using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Splits;
using FedChain.TestSupport;

namespace FedChain.Learning.Tests.Support;

/// <summary>The repository's real datasets, loaded once per test process.</summary>
internal static class Datasets
{
    private static readonly Lazy<(DatasetSchema Schema, IReadOnlyList<IngestedSite> Sites)> HeartData = new(() => Load("heart-disease"));
    private static readonly Lazy<(DatasetSchema Schema, IReadOnlyList<IngestedSite> Sites)> TcgaData = new(() => Load("tcga-brca"));

    public static DatasetSchema HeartSchema => HeartData.Value.Schema;
    public static IReadOnlyList<IngestedSite> Heart => HeartData.Value.Sites;
    public static DatasetSchema TcgaSchema => TcgaData.Value.Schema;
    public static IReadOnlyList<IngestedSite> Tcga => TcgaData.Value.Sites;

    public static IReadOnlyList<SiteSplit> HeartSplits => [.. Heart.Select(s => TrainTestSplit.Apply(HeartSchema, s.Data))];

    public static string Folder(string name) => RepoPaths.Combine("data", name);

    /// <summary>A dataset folder's schema and every site of its sites.json, through each site's mapping.</summary>
    public static (DatasetSchema Schema, IReadOnlyList<IngestedSite> Sites) Load(string name)
    {
        var schema = DatasetSchema.Load(Path.Combine(Folder(name), "schema.json"));
        return (schema, SiteManifest.Load(Path.Combine(Folder(name), "sites.json")).Ingest(schema));
    }

    /// <summary>A small synthetic binary dataset with a known linear signal.</summary>
    public static SiteDataset Synthetic(string site, int rows, int features, int seed)
    {
        var random = new Random(seed);
        var x = new float[rows * features];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var logit = 0.0;
            for (var j = 0; j < features; j++)
            {
                x[i * features + j] = (float)(random.NextDouble() * 2 - 1);
                logit += (j % 2 == 0 ? 1.5 : -1.0) * x[i * features + j];
            }

            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }

        return new SiteDataset(site, features, x, y, null, null);
    }
}
