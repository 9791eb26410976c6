using System.Globalization;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Ingestion;

/// <summary>
/// Loads one site's CSV file through the consortium schema. It never throws on bad data: every
/// problem lands in the <see cref="ValidationReport"/> with file and line, rows are dropped or
/// imputed as the schema's policy says, and the valid rows are kept.
/// </summary>
public static partial class CsvIngestion
{
    public static IngestedSite Load(DatasetSchema schema, SiteSource source)
    {
        var report = new ValidationReport { Site = source.Site, File = source.File };
        foreach (var column in schema.Columns.Where(c => c.Role != ColumnRole.Ignore)) report.Columns[column.Name] = new ColumnReport();
        var rows = new EncodedRows(schema);

        try
        {
            using var reader = new StreamReader(source.File);
            ReadAll(schema, source, reader, report, rows);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Reject(report, rows, $"cannot read the file: {e.Message}");
        }

        Conclude(schema, report, rows);
        var data = rows.ToDataset(source.Site, report.Rejected);
        return new IngestedSite(data, report, rows.Lines);
    }

    private static void ReadAll(DatasetSchema schema, SiteSource source, StreamReader reader, ValidationReport report, EncodedRows rows)
    {
        var delimiter = schema.Format.Delimiter[0];
        var lineNumber = 0;
        IReadOnlyList<CellReader> readers;
        int fieldCount;
        if (schema.Format.Header)
        {
            var header = reader.ReadLine();
            lineNumber++;
            var names = header is null ? null : CsvFields.Split(header, delimiter);
            if (names is null) { Reject(report, rows, "the file has no header line"); return; }
            var missing = schema.Columns.Where(c => c.Role != ColumnRole.Ignore && !names.Contains(c.Name)).Select(c => c.Name).ToList();
            if (missing.Count > 0) { Reject(report, rows, $"the header lacks column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}"); return; }
            readers = Bind(schema, c => names.IndexOf(c.Name));
            fieldCount = names.Count;
        }
        else
        {
            readers = Bind(schema, c => c.Index!.Value);
            fieldCount = schema.Columns.Max(c => c.Index!.Value) + 1;
        }

        var siteField = source.SiteValue is null ? null : readers.FirstOrDefault(r => r.Column.Role == ColumnRole.Site);
        if (source.SiteValue is not null && siteField is null)
        {
            Reject(report, rows, $"site '{source.Site}' is selected by value '{source.SiteValue}' but the schema has no column with role 'site'");
            return;
        }

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            var fields = CsvFields.Split(line, delimiter);
            if (siteField is not null && fields is not null && fields.Count == fieldCount && fields[siteField.Field] != source.SiteValue)
            {
                report.RowsOfOtherSites++;
                continue;
            }

            report.RowsRead++;
            if (fields is null || fields.Count != fieldCount)
            {
                report.Add(new ValidationIssue(source.File, lineNumber, null, fields is null ? IssueKind.UnterminatedQuote : IssueKind.WrongFieldCount));
                report.RowsDropped++;
                continue;
            }

            ReadRow(schema, readers, fields, new RowContext(source.File, lineNumber, report), rows);
        }
    }

    private static CellReader[] Bind(DatasetSchema schema, Func<ColumnSpec, int> field) =>
        [.. schema.Columns.Where(c => c.Role != ColumnRole.Ignore).Select(c => new CellReader(c, field(c), schema.Format.MissingMarkers))];

    private static void Conclude(DatasetSchema schema, ValidationReport report, EncodedRows rows)
    {
        var wellFormed = rows.WellFormedRows;
        foreach (var (name, column) in report.Columns)
        {
            column.Missingness = wellFormed == 0 ? 0 : (double)column.Missing / wellFormed;
            if (wellFormed > 0 && column.Missing == wellFormed)
            {
                var spec = schema.Column(name);
                var outcome = column.Imputed == wellFormed ? $"imputed with {spec.Impute?.ToString(CultureInfo.InvariantCulture)}" : "every row dropped";
                report.Findings.Add($"column '{name}' is missing in all {wellFormed} rows ({outcome})");
            }
        }

        if (report.Rejected) return;
        if (report.RowsRead == 0) Reject(report, rows, "the file has no data rows");
        else if ((double)report.RowsDropped / report.RowsRead > schema.Rows.MaxDroppedFraction)
        {
            Reject(report, rows, string.Create(CultureInfo.InvariantCulture,
                $"{report.RowsDropped} of {report.RowsRead} rows dropped, above the schema's limit of {schema.Rows.MaxDroppedFraction:P0}"));
        }
    }

    private static void Reject(ValidationReport report, EncodedRows rows, string reason)
    {
        report.Rejected = true;
        report.RejectionReason = reason;
        report.RowsKept = 0;
        rows.Clear();
    }
}
