using FedChain.Learning.Data.Mapping;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Ingestion;

/// <summary>The state for reading one export's rows: its layout, a reader per column and the derived cells of the current row.</summary>
internal sealed class RowReading
{
    private readonly MappedCell[][] _derived;
    private readonly ValidationReport _report;

    public RowReading(DatasetSchema schema, ExportLayout layout, ExportRow row, ValidationReport report)
    {
        Schema = schema;
        Layout = layout;
        Row = row;
        _report = report;
        Readers = [.. layout.Columns.Select(c => new CellReader(c.Column))];
        _derived = [.. layout.Rules.Select(r => new MappedCell[r.Outputs.Count])];
    }

    public DatasetSchema Schema { get; }

    public ExportLayout Layout { get; }

    public ExportRow Row { get; }

    public IReadOnlyList<CellReader> Readers { get; }

    /// <summary>Computes the derived cells of the row now in <see cref="Row"/>.</summary>
    public void DeriveCells()
    {
        for (var r = 0; r < Layout.Rules.Count; r++) Layout.Rules[r].Derive(Row, _derived[r]);
    }

    /// <summary>Column <paramref name="c"/>'s mapped cell in the current row (call <see cref="DeriveCells"/> first).</summary>
    public MappedCell Cell(int c) => Layout.Columns[c].Read(Row, _derived, _report.Columns[Layout.Columns[c].Column.Name]);

    /// <summary>A text column's raw value, without counting anything (used to pick a multi-site file's rows).</summary>
    public string? Text(BoundColumn column) => column.Read(Row, _derived, new ColumnReport()) is { Kind: CellKind.Text } cell ? cell.Text : null;
}
