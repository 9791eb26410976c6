using System.Text.Json;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Json;

namespace FedChain.Learning.Data.Ingestion;

/// <summary>
/// Which file holds which site's rows, for simulations and benchmarks that see every site at once
/// (a real node is configured with its own file only). File names are relative to the manifest.
/// </summary>
public sealed record SiteManifest(IReadOnlyList<SiteSource> Sites)
{
    public static SiteManifest Load(string path)
    {
        if (!File.Exists(path)) throw new SchemaException($"site manifest '{path}' does not exist");
        SiteManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SiteManifest>(File.ReadAllText(path), CanonicalJson.Options);
        }
        catch (JsonException e)
        {
            throw new SchemaException($"site manifest '{path}': {e.Message}", e);
        }

        if (manifest is null || manifest.Sites.Count == 0) throw new SchemaException($"site manifest '{path}' lists no site");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return new SiteManifest([.. manifest.Sites.Select(s => s with { File = Path.Combine(folder, s.File) })]);
    }

    /// <summary>Ingests every listed site through the schema, in manifest order.</summary>
    public IReadOnlyList<IngestedSite> Ingest(DatasetSchema schema) => [.. Sites.Select(site => CsvIngestion.Load(schema, site))];
}
