using System.Globalization;
using FedChain.Learning.Data.Ingestion;

namespace FedChain.Node.Cli;

/// <summary>The text form of a validation report with the mapping's work per column, for `data check`.</summary>
internal static class DataCheckReport
{
    public static void Write(ValidationReport report, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(report.ToString());
        output.WriteLine($"mapping: {report.Mapping}; encoding {report.Encoding}{(report.ByteOrderMark is { } bom ? $", {bom} byte-order mark skipped" : "")}");
        if (report.UnusedFields.Count > 0) output.WriteLine($"export fields not read: {string.Join(", ", report.UnusedFields)}");
        var rows = report.Columns.Select(c => new[]
        {
            c.Key, c.Value.Source ?? "-", c.Value.Converted.ToString(inv), c.Value.Recoded.ToString(inv), c.Value.Derived.ToString(inv),
            c.Value.Missing.ToString(inv), c.Value.Imputed.ToString(inv), c.Value.OutOfRange.ToString(inv), c.Value.Unparseable.ToString(inv),
            c.Value.UnknownCategory.ToString(inv), c.Value.Dropped.ToString(inv),
        }).ToList();
        string[] header = ["column", "source", "converted", "recoded", "derived", "missing", "imputed", "out of range", "unparseable", "unknown code", "rows dropped"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i < 2 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        output.WriteLine(Line(header));
        foreach (var row in rows) output.WriteLine(Line(row));
        for (var i = 0; i < report.DerivedRules.Count; i++) output.WriteLine($"derived[{i}]: {report.DerivedRules[i]}");
        foreach (var (name, column) in report.Columns.Where(c => c.Value.Conversion is not null))
        {
            output.WriteLine($"{name}: converted {column.Conversion}");
        }

        if (report.LayoutIssues > 0) output.WriteLine($"{report.LayoutIssues} line(s) lost to the layout (wrong field count or unterminated quote): check the mapping's format");
    }
}
