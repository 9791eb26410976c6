using System.Text;
using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Mapping;
using FedChain.Learning.Data.Schema;
using FedChain.TestSupport;

namespace FedChain.Learning.Tests.Data.Mapping;

/// <summary>A small clinical schema and a temp folder to write one site's export and mapping into.</summary>
internal sealed class MappingFixture : IDisposable
{
    // age in years; sex 0/1 (categorical codes); chol in mg/dL (cholesterol); temp in degC; weight in kg;
    // stage binned; time/event survival; smoker an attribute.
    public const string SchemaJson = """
        {
          "name": "clinic", "version": 1,
          "columns": [
            { "name": "age", "unit": "years", "min": 0, "max": 120 },
            { "name": "sex", "type": "categorical", "categories": [ { "code": "0", "meaning": "female" }, { "code": "1", "meaning": "male" } ] },
            { "name": "chol", "unit": "mg/dL", "quantity": "cholesterol", "min": 0, "max": 1000 },
            { "name": "temp", "unit": "degC", "min": 30, "max": 45 },
            { "name": "weight", "unit": "kg", "min": 1, "max": 400 },
            { "name": "smoker", "role": "attribute", "min": 0, "max": 1 },
            { "name": "time", "role": "time", "unit": "days", "quantity": "duration", "min": 0, "max": 100000 },
            { "name": "event", "role": "event", "min": 0, "max": 1 }
          ],
          "task": { "kind": "survival", "time": "time", "event": "event" },
          "split": { "kind": "random" },
          "rows": { "missing": "drop-row", "maxDroppedFraction": 0.9 }
        }
        """;

    private readonly TempDirectory _dir = new();

    public DatasetSchema Schema { get; } = DatasetSchema.Parse(SchemaJson, "clinic.json");

    public string MappingFile => _dir.File("site.mapping.json");

    /// <summary>Writes the export and the mapping, then ingests them as the node, simulate and data check do.</summary>
    public IngestedSite Load(string mappingJson, string csv, Encoding? encoding = null, bool byteOrderMark = false)
    {
        var data = _dir.File("site.csv");
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(csv);
        File.WriteAllBytes(data, byteOrderMark ? [.. (encoding ?? Encoding.UTF8).GetPreamble(), .. bytes] : bytes);
        File.WriteAllText(MappingFile, mappingJson);
        return CsvIngestion.Load(Schema, new SiteSource("site", data, Mapping: MappingFile));
    }

    public SiteMapping Parse(string mappingJson) => SiteMapping.Parse(mappingJson, "site.mapping.json").CheckAgainst(Schema);

    public void Dispose() => _dir.Dispose();
}
