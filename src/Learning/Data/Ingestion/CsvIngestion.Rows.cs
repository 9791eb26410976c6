using System.Globalization;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Ingestion;

public static partial class CsvIngestion
{
    /// <summary>Reads every cell of a well-formed row (so every problem is counted), then keeps or drops it.</summary>
    private static void ReadRow(DatasetSchema schema, IReadOnlyList<CellReader> readers, List<string> fields, RowContext at, EncodedRows rows)
    {
        rows.WellFormedRows++;
        var features = new float[schema.FeatureCount];
        float label = 0, time = 0, evt = 0;
        string? fold = null;
        var keep = true;
        var imputed = false;

        foreach (var reader in readers)
        {
            var column = reader.Column;
            var cell = fields[reader.Field];
            switch (column.Role)
            {
                case ColumnRole.Feature:
                    var slot = schema.FeatureSlots.First(s => s.Column == column);
                    keep &= ReadFeature(schema, reader, cell, slot, features, at, ref imputed);
                    break;
                case ColumnRole.Label:
                case ColumnRole.Time:
                case ColumnRole.Event:
                    if (!ReadOutcome(reader, cell, at, out var value)) { keep = false; break; }
                    if (column.Role == ColumnRole.Label) label = value > schema.Task.PositiveAbove ? 1f : 0f;
                    else if (column.Role == ColumnRole.Time) time = (float)value;
                    else evt = (float)value;
                    break;
                case ColumnRole.Split:
                    fold = cell;
                    if (schema.Split.Kind == SplitKind.Column && cell != schema.Split.TrainValue && cell != schema.Split.TestValue)
                    {
                        at.Issue(column.Name, IssueKind.UnknownCategory);
                        keep = false;
                    }

                    break;
            }
        }

        if (!keep) { at.Report.RowsDropped++; return; }
        at.Report.RowsKept++;
        if (imputed) at.Report.RowsImputed++;
        rows.Add(features, label, time, evt, fold, at.Line);
    }

    private static bool ReadFeature(DatasetSchema schema, CellReader reader, string cell, FeatureSlot slot, float[] features, RowContext at, ref bool imputed)
    {
        var column = reader.Column;
        var category = -1;
        var number = 0.0;
        var issue = column.Type == ColumnType.Categorical ? reader.ReadCategory(cell, out category) : reader.ReadNumber(cell, out number);
        if (issue == IssueKind.Missing && (column.Missing ?? schema.Rows.Missing) == MissingPolicy.Impute)
        {
            at.Issue(column.Name, IssueKind.Missing);
            at.Report.Columns[column.Name].Imputed++;
            imputed = true;
            var fill = column.Impute!.Value.ToString(CultureInfo.InvariantCulture);
            issue = column.Type == ColumnType.Categorical ? reader.ReadCategory(fill, out category) : reader.ReadNumber(fill, out number);
            if (issue is not null) return false;
        }
        else if (issue is { } kind)
        {
            at.Issue(column.Name, kind);
            return false;
        }

        if (column.Type != ColumnType.Categorical) { features[slot.Offset] = (float)number; return true; }
        switch (column.Encoding ?? CategoricalEncoding.OneHotDropFirst)
        {
            case CategoricalEncoding.Ordinal: features[slot.Offset] = category; break;
            case CategoricalEncoding.OneHot: features[slot.Offset + category] = 1f; break;
            default: if (category > 0) features[slot.Offset + category - 1] = 1f; break;
        }

        return true;
    }

    private static bool ReadOutcome(CellReader reader, string cell, RowContext at, out double value)
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

        at.Issue(reader.Column.Name, issue.Value);
        return false;
    }
}
