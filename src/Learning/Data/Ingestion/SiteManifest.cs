using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Ingestion;

/// <summary>
/// Which file holds which site's rows and which mapping reads it, for simulations, analyses and
/// benchmarks that see every site at once (a real node is configured with its own file and mapping
/// only). File and mapping names are relative to the manifest.
/// </summary>
public sealed record SiteManifest(IReadOnlyList<SiteSource> Sites)
{
    public static SiteManifest Load(string path)
    {
        var manifest = ConsortiumDocument.Read<SiteManifest>(path, "site manifest");
        if (manifest.Sites.Count == 0) throw new SchemaException($"site manifest '{path}' lists no site");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return new SiteManifest([.. manifest.Sites.Select(s => s with { File = Path.Combine(folder, s.File), Mapping = s.Mapping is null ? null : Path.Combine(folder, s.Mapping) })]);
    }

    /// <summary>Ingests every listed site through its mapping and the schema, in manifest order.</summary>
    public IReadOnlyList<IngestedSite> Ingest(DatasetSchema schema) => [.. Sites.Select(site => CsvIngestion.Load(schema, site))];
}
