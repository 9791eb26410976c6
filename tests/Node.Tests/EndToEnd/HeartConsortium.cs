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

    public static IReadOnlyList<SiteSource> Sites => SiteManifest.Load(Path.Combine(Folder, "sites.json")).Sites;

    public static Task<LocalConsortium> CreateAsync(string folder, IReadOnlyList<SiteSource> sites) =>
        LocalConsortium.CreateAsync(folder, sites, sites.Count, SchemaFile);
}
