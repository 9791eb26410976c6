using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Schema;
using FedChain.Node.Demo;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>The heart-disease hospitals as the end-to-end tests set them up.</summary>
internal static class HeartConsortium
{
    public static readonly string Folder = RepoPaths.Combine("data", "heart-disease");

    public static string SchemaFile => Path.Combine(Folder, "schema.json");

    public static DatasetSchema Schema => DatasetSchema.Load(SchemaFile);

    public static IReadOnlyList<(string Site, string Csv)> Sites =>
        [.. SiteManifest.Load(Path.Combine(Folder, "sites.json")).Sites.Select(s => (s.Site, s.File))];

    public static Task<LocalConsortium> CreateAsync(string folder, IReadOnlyList<(string Site, string Csv)> sites) =>
        LocalConsortium.CreateAsync(folder, sites, sites.Count, SchemaFile);
}
