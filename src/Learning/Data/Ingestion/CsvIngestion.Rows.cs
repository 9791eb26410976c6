using FedChain.Learning.Data.Mapping;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Ingestion;

public static partial class CsvIngestion
{
    /// <summary>Reads every cell of a well-formed row (so every problem is counted), then keeps or drops it for training;
    /// the analysis table keeps every well-formed row, with NaN where a cell is missing or invalid.</summary>
    private static void ReadRow(RowReading reading, RowContext at, EncodedRows rows, SiteTableBuilder table)
    {
        var schema = reading.Schema;
        rows.WellFormedRows++;
        reading.DeriveCells();
        var features = new float[schema.FeatureCount];
        var values = new double[schema.Columns.Count];
        float label = 0, time = 0, evt = 0;
        string? fold = null;
        var keep = true;
        var imputed = false;

        for (var c = 0; c < reading.Readers.Count; c++)
        {
            var reader = reading.Readers[c];
            var column = reader.Column;
            var cell = reading.Cell(c);
            values[c] = double.NaN;
            switch (column.Role)
            {
                case ColumnRole.Feature:
                    var slot = schema.FeatureSlots.First(s => s.Column == column);
                    var ok = ReadFeature(schema, reader, cell, slot, features, at, ref imputed, out values[c]);
                    if (!ok) at.Report.Columns[column.Name].Dropped++;
                    keep &= ok;
                    break;
                case ColumnRole.Label:
                case ColumnRole.Time:
                case ColumnRole.Event:
                    if (!ReadOutcome(reader, cell, at, out var value)) { keep = false; at.Report.Columns[column.Name].Dropped++; break; }
                    values[c] = value;
                    if (column.Role == ColumnRole.Label) label = schema.Task.Kind == TaskKind.Count ? (float)value : value > schema.Task.PositiveAbove ? 1f : 0f;
                    else if (column.Role == ColumnRole.Time) time = (float)value;
                    else evt = (float)value;
                    break;
                case ColumnRole.Attribute:
                    values[c] = ReadAttribute(reader, cell, at);
                    break;
                case ColumnRole.Split:
                    fold = cell.Kind == CellKind.Text ? cell.Text : null;
                    if (schema.Split.Kind == SplitKind.Column && fold != schema.Split.TrainValue && fold != schema.Split.TestValue)
                    {
                        at.Issue(column.Name, cell.Kind == CellKind.Missing ? IssueKind.Missing : IssueKind.UnknownCategory);
                        at.Report.Columns[column.Name].Dropped++;
                        keep = false;
                    }

                    break;
            }
        }

        table.Add(values);
        if (!keep) { at.Report.RowsDropped++; return; }
        at.Report.RowsKept++;
        if (imputed) at.Report.RowsImputed++;
        rows.Add(features, label, time, evt, fold, at.Line);
    }

    /// <param name="value">The cell for analyses: the number or category index as read (NaN when missing or invalid, even when imputed for training).</param>
    private static bool ReadFeature(DatasetSchema schema, CellReader reader, MappedCell cell, FeatureSlot slot, float[] features, RowContext at, ref bool imputed, out double value)
    {
        var column = reader.Column;
        var category = -1;
        var number = 0.0;
        var issue = column.Type == ColumnType.Categorical ? reader.ReadCategory(cell, out category) : reader.ReadNumber(cell, out number);
        value = issue is null ? (column.Type == ColumnType.Categorical ? category : number) : double.NaN;
        if (issue == IssueKind.Missing && (column.Missing ?? schema.Rows.Missing) == MissingPolicy.Impute)
        {
            at.Issue(column.Name, IssueKind.Missing);
            at.Report.Columns[column.Name].Imputed++;
            imputed = true;
            var fill = column.Impute!.Value;
            issue = column.Type == ColumnType.Categorical
                ? reader.ReadCategory(MappedCell.OfNumber(fill), out category)
                : reader.ReadNumber(MappedCell.OfNumber(fill), out number);
            if (issue is not null) return false;
        }
        else if (issue is { } kind)
        {
            at.Issue(column.Name, kind);
            return false;
        }

        if (column.Type != ColumnType.Categorical) { features[slot.Offset] = (float)Transformed(column.Transform, number); return true; }
        switch (column.Encoding ?? CategoricalEncoding.OneHotDropFirst)
        {
            case CategoricalEncoding.Ordinal: features[slot.Offset] = category; break;
            case CategoricalEncoding.OneHot: features[slot.Offset + category] = 1f; break;
            default: if (category > 0) features[slot.Offset + category - 1] = 1f; break;
        }

        return true;
    }

    private static double Transformed(FeatureTransform? transform, double value) => transform switch
    {
        FeatureTransform.Log1p => Math.Log(1 + value),
        _ => value,
    };

    private static bool ReadOutcome(CellReader reader, MappedCell cell, RowContext at, out double value)
    {
        var issue = reader.ReadNumber(cell, out value);
        if (issue is null && reader.Column.Role == ColumnRole.Event && value is not (0 or 1)) issue = IssueKind.OutOfRange;
        if (issue is null && reader.Column.Role == ColumnRole.Time && value < 0) issue = IssueKind.OutOfRange;
        if (issue is null) return true;

        if (issue == IssueKind.Missing)
        {
            // Counted as the column's missing cell, and listed as a missing outcome so the report says why the row went.
            at.Report.Columns[reader.Column.Name].Missing++;
            issue = IssueKind.MissingOutcome;
        }

        value = double.NaN;
        at.Issue(reader.Column.Name, issue.Value);
        return false;
    }

    /// <summary>An attribute's problems are counted, but never drop the row; a missing attribute is no issue at all.</summary>
    private static double ReadAttribute(CellReader reader, MappedCell cell, RowContext at)
    {
        var categorical = reader.Column.Type == ColumnType.Categorical;
        var category = -1;
        var number = double.NaN;
        var issue = categorical ? reader.ReadCategory(cell, out category) : reader.ReadNumber(cell, out number);
        if (issue == IssueKind.Missing) at.Report.Columns[reader.Column.Name].Missing++;
        else if (issue is { } kind) at.Issue(reader.Column.Name, kind);
        if (issue is not null) return double.NaN;
        return categorical ? category : number;
    }
}
