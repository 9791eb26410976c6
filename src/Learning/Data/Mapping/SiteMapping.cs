using System.Text.Json.Serialization;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Mapping;

/// <summary>
/// How one site's export maps onto the consortium schema: its file format, where each schema
/// column is, its units and codes, and the few columns it derives. A mapping is the site's own
/// configuration, outside the plan's hash: two sites with different layouts agree on one schema.
/// Columns it does not list are found under their schema name.
/// </summary>
/// <param name="Format">The export's layout.</param>
/// <param name="Columns">Per schema column: name, aliases or position, unit, recoding, extra missing markers.</param>
/// <param name="Derived">Schema columns computed from other export fields.</param>
/// <param name="Description">What export this describes, for people.</param>
public sealed partial record SiteMapping(
    ExportFormat Format,
    IReadOnlyList<ColumnMapping>? Columns = null,
    IReadOnlyList<DerivedColumn>? Derived = null,
    string? Description = null)
{
    /// <summary>A comma-separated export with a header naming every schema column.</summary>
    public static SiteMapping Default { get; } = new(new ExportFormat()) { Source = "(default mapping)" };

    /// <summary>Where the mapping came from, for error messages.</summary>
    [JsonIgnore]
    public string Source { get; init; } = "(mapping)";

    /// <summary>Reads a mapping file; errors name the file and the field.</summary>
    /// <exception cref="SchemaException">The file is missing, is not a mapping, or is inconsistent.</exception>
    public static SiteMapping Load(string path) => ConsortiumDocument.Read<SiteMapping>(path, "mapping").Checked(path);

    /// <summary>Parses and checks a mapping document; <paramref name="source"/> names it in errors.</summary>
    public static SiteMapping Parse(string json, string source) => ConsortiumDocument.Parse<SiteMapping>(json, source, "mapping").Checked(source);

    private SiteMapping Checked(string source)
    {
        var mapping = this with { Source = source };
        mapping.CheckFormat();
        return mapping;
    }

    /// <summary>The entry for a schema column, if the mapping lists one.</summary>
    public ColumnMapping? For(string column) => Columns?.FirstOrDefault(c => c.Column == column);

    /// <summary>The rule deriving a schema column, if any.</summary>
    public DerivedColumn? DerivationOf(string column) => Derived?.FirstOrDefault(d => d.Outputs.Contains(column));
}
