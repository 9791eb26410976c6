using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Ingestion;

/// <summary>Collects the mapped cells of one file's well-formed rows into a <see cref="SiteTable"/>.</summary>
internal sealed class SiteTableBuilder(DatasetSchema schema)
{
    private readonly List<double[]> _rows = [];

    public void Add(double[] values) => _rows.Add(values);

    public void Clear() => _rows.Clear();

    public SiteTable Build(string site)
    {
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var c = 0; c < schema.Columns.Count; c++)
        {
            if (schema.Columns[c].Type == ColumnType.Text) continue;
            var values = new double[_rows.Count];
            for (var r = 0; r < _rows.Count; r++) values[r] = _rows[r][c];
            columns[schema.Columns[c].Name] = values;
        }

        return new SiteTable(site, schema, _rows.Count, columns);
    }
}
