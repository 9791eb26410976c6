using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data;

/// <summary>
/// One site's rows column by column, in the schema's units and codes, as analyses read them: every
/// well-formed row after the site's mapping, before the schema's training row policy. A numeric
/// cell holds its value, a categorical cell its category's position in the schema's list; a
/// missing or invalid cell is NaN (analyses use the complete cases of the columns they need).
/// Text columns (site, split) are not kept. Only the site that holds the rows ever builds this.
/// </summary>
public sealed class SiteTable
{
    private readonly Dictionary<string, double[]> _columns;

    public SiteTable(string site, DatasetSchema schema, int rowCount, Dictionary<string, double[]> columns)
    {
        Site = site;
        Schema = schema;
        RowCount = rowCount;
        _columns = columns;
    }

    public string Site { get; }

    public DatasetSchema Schema { get; }

    public int RowCount { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>A column's cells (NaN: missing or invalid).</summary>
    /// <exception cref="SchemaException">The schema has no numeric or categorical column of that name.</exception>
    public IReadOnlyList<double> Column(string name) =>
        _columns.TryGetValue(name, out var values) ? values : throw new SchemaException($"schema '{Schema.Name}' has no numeric or categorical column '{name}'");
}
