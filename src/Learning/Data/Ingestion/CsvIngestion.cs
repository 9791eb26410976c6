using System.Globalization;
using FedChain.Learning.Data.Mapping;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Ingestion;

/// <summary>
/// Loads one site's export through its mapping and the consortium schema: the one entry point for
/// everything that reads data (simulate, analyse, data check, the node). It never throws on bad
/// data: every problem lands in the <see cref="ValidationReport"/> with file and line, rows are
/// dropped or imputed as the schema's policy says, and the valid rows are kept. A mapping that does
/// not fit the schema throws <see cref="SchemaException"/> naming the mapping file and field.
/// </summary>
public static partial class CsvIngestion
{
    /// <summary>Loads <paramref name="source"/> with the mapping file it names (or the default mapping).</summary>
    public static IngestedSite Load(DatasetSchema schema, SiteSource source) =>
        Load(schema, source.Mapping is null ? SiteMapping.Default : SiteMapping.Load(source.Mapping), source);

    public static IngestedSite Load(DatasetSchema schema, SiteMapping mapping, SiteSource source)
    {
        if (source.Layout != SiteLayout.Table) throw new ArgumentException($"site '{source.Site}': {source.File} is a {source.Layout} file, not an export of one row per record", nameof(source));
        mapping.CheckAgainst(schema);
        var report = new ValidationReport { Site = source.Site, File = source.File, Mapping = mapping.Source, Encoding = mapping.Format.Encoding };
        foreach (var column in schema.Columns) report.Columns[column.Name] = new ColumnReport();
        var rows = new EncodedRows(schema);
        var table = new SiteTableBuilder(schema);

        try
        {
            using var reader = ExportText.Open(source.File, mapping.Format.Encoding, out var byteOrderMark, out var error);
            report.ByteOrderMark = byteOrderMark;
            if (reader is null) Reject(report, rows, error!);
            else ReadAll(schema, mapping, source, reader, report, rows, table);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Reject(report, rows, $"cannot read the file: {e.Message}");
        }

        Conclude(schema, report, rows);
        if (report.Rejected) table.Clear();
        return new IngestedSite(rows.ToDataset(source.Site, report.Rejected), report, table.Build(source.Site), rows.Lines);
    }

    private static void ReadAll(DatasetSchema schema, SiteMapping mapping, SiteSource source, StreamReader reader, ValidationReport report, EncodedRows rows, SiteTableBuilder table)
    {
        var delimiter = mapping.Format.Delimiter[0];
        var lineNumber = 0;
        List<string>? header = null;
        if (mapping.Format.Header)
        {
            var line = reader.ReadLine();
            lineNumber++;
            header = line is null ? null : CsvFields.Split(line, delimiter);
            if (header is null) { Reject(report, rows, "the file has no header line"); return; }
        }

        var layout = ExportLayout.Bind(schema, mapping, header, out var problems);
        if (layout is null) { Reject(report, rows, string.Join("; ", problems)); return; }
        report.UnusedFields.AddRange(layout.UnusedFields);
        report.DerivedRules.AddRange(layout.Rules.Select(r => r.Explain()));
        foreach (var bound in layout.Columns)
        {
            report.Columns[bound.Column.Name].Source = bound.Source;
            report.Columns[bound.Column.Name].Conversion = bound.Conversion;
        }

        var siteColumn = source.SiteValue is null ? null : layout.Columns.FirstOrDefault(c => c.Column.Role == ColumnRole.Site);
        if (source.SiteValue is not null && siteColumn is null)
        {
            Reject(report, rows, $"site '{source.Site}' is selected by value '{source.SiteValue}' but the schema has no column with role 'site'");
            return;
        }

        var reading = new RowReading(schema, layout, new ExportRow(layout.Fields, mapping.Format), report);
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            var fields = CsvFields.Split(line, delimiter);
            var wellFormed = fields is not null && fields.Count == layout.FieldCount;
            if (wellFormed) reading.Row.Fields = fields!;
            if (siteColumn is not null && wellFormed && reading.Text(siteColumn) != source.SiteValue)
            {
                report.RowsOfOtherSites++;
                continue;
            }

            report.RowsRead++;
            if (line.Contains('\uFFFD', StringComparison.Ordinal)) report.UndecodableLines++;
            if (!wellFormed)
            {
                report.Add(new ValidationIssue(source.File, lineNumber, null, fields is null ? IssueKind.UnterminatedQuote : IssueKind.WrongFieldCount));
                report.RowsDropped++;
                continue;
            }

            ReadRow(reading, new RowContext(source.File, lineNumber, report), rows, table);
        }
    }

    private static void Conclude(DatasetSchema schema, ValidationReport report, EncodedRows rows)
    {
        var wellFormed = rows.WellFormedRows;
        foreach (var (name, column) in report.Columns)
        {
            column.Missingness = wellFormed == 0 ? 0 : (double)column.Missing / wellFormed;
            if (wellFormed > 0 && column.Missing == wellFormed)
            {
                var spec = schema.Column(name);
                var outcome = spec.Role is ColumnRole.Attribute or ColumnRole.Split or ColumnRole.Site ? "no row dropped"
                    : column.Imputed == wellFormed ? $"imputed with {spec.Impute?.ToString(CultureInfo.InvariantCulture)}" : "every row dropped";
                report.Findings.Add($"column '{name}' is missing in all {wellFormed} rows ({outcome})");
            }
        }

        if (report.UndecodableLines > 0) report.Findings.Add($"{report.UndecodableLines} line(s) hold bytes that are not valid {report.Encoding}: check format.encoding");
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
