using System.Globalization;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Mapping;

public sealed partial record SiteMapping
{
    private static readonly string[] Encodings = ["utf-8", "utf-16", "latin-1", "windows-1252"];

    private void Fail(string what) => throw new SchemaException($"mapping '{Source}': {what}");

    private void CheckFormat()
    {
        if (Format.Delimiter.Length != 1) Fail($"format.delimiter must be one character, got '{Format.Delimiter}'");
        if (Format.Decimal is not ("." or ",")) Fail($"format.decimal must be \".\" or \",\", got '{Format.Decimal}'");
        if (Format.Decimal == Format.Delimiter) Fail($"format.decimal and format.delimiter are both '{Format.Delimiter}'");
        if (!Encodings.Contains(Format.Encoding.ToLowerInvariant())) Fail($"format.encoding '{Format.Encoding}' is not one of {string.Join(", ", Encodings)}");
        if (Format.Header && Format.Names is not null) Fail("format.names is for files without a header; this one has format.header true");
        if (Format.Names is { } names && names.Distinct(StringComparer.Ordinal).Count() != names.Count) Fail("format.names lists a name twice");
    }

    /// <summary>Checks the mapping against the consortium schema; throws naming the file and field.</summary>
    public SiteMapping CheckAgainst(DatasetSchema schema)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, i) in (Columns ?? []).Select((c, i) => (c, i)))
        {
            var where = $"columns[{i}] '{entry.Column}'";
            if (schema.Columns.FirstOrDefault(c => c.Name == entry.Column) is not { } column) { Fail($"{where}: the schema has no column '{entry.Column}'"); return this; }
            if (!seen.Add(entry.Column)) Fail($"{where}: the column is mapped twice");
            if (entry.Position is < 0) Fail($"{where}: position must be >= 0");
            if (entry.Position is not null && (entry.Source is not null || entry.Aliases is not null)) Fail($"{where}: give a position or names (source, aliases), not both");
            if (entry.Absent && (entry.Position is not null || entry.Source is not null || entry.Aliases is not null)) Fail($"{where}: an absent column has no source");
            if (!Format.Header && Format.Names is null && entry.Position is null && !entry.Absent) Fail($"{where}: the file has no header and no format.names, so the column needs a 'position'");
            if (DerivationOf(entry.Column) is not null) Fail($"{where}: the column is also derived; map it in one place");
            CheckUnit(where, column, entry.Unit);
            foreach (var (from, to) in entry.Recode ?? new Dictionary<string, string>())
            {
                if (!Accepts(column, to)) Fail($"{where}: recode '{from}' -> '{to}': '{to}' is not a valid {column.Type.ToString().ToLowerInvariant()} value of the schema column");
            }
        }

        foreach (var (rule, i) in (Derived ?? []).Select((d, i) => (d, i)))
        {
            var where = $"derived[{i}] ({rule.GetType().Name})";
            rule.Check(what => Fail($"{where}: {what}"));
            foreach (var output in rule.Outputs)
            {
                if (schema.Columns.FirstOrDefault(c => c.Name == output) is not { } column) { Fail($"{where}: the schema has no column '{output}'"); continue; }
                if (!seen.Add(output)) Fail($"{where}: column '{output}' is filled twice");
                CheckOutput(where, rule, column);
            }
        }

        return this;
    }

    private void CheckOutput(string where, DerivedColumn rule, ColumnSpec column)
    {
        if (rule is BinnedColumn bin)
        {
            if (column.Type != ColumnType.Categorical) Fail($"{where}: '{column.Name}' must be categorical to be binned into");
            foreach (var label in bin.Labels.Where(l => !Accepts(column, l))) Fail($"{where}: label '{label}' is not a code of schema column '{column.Name}'");
        }
        else
        {
            if (column.Type != ColumnType.Numeric) Fail($"{where}: '{column.Name}' must be numeric");
            CheckUnit(where, column, rule.OutputUnit(column.Name));
        }
    }

    private void CheckUnit(string where, ColumnSpec column, string? unit)
    {
        if (unit is null) return;
        if (column.Type != ColumnType.Numeric) Fail($"{where}: a unit is given but schema column '{column.Name}' is not numeric");
        if (column.Unit is null) Fail($"{where}: unit '{unit}' is given but schema column '{column.Name}' has no unit to convert to");
        if (ClinicalUnits.Conversion(column.Quantity, unit, column.Unit!, out var why) is null) Fail($"{where}: cannot convert '{unit}' to the schema's '{column.Unit}': {why}");
    }

    /// <summary>True when <paramref name="value"/> is something the schema column can hold.</summary>
    private static bool Accepts(ColumnSpec column, string value) => column.Type switch
    {
        ColumnType.Categorical => column.Categories!.Any(c => c.Code == value
            || (double.TryParse(c.Code, CultureInfo.InvariantCulture, out var a) && double.TryParse(value, CultureInfo.InvariantCulture, out var b) && a == b)),
        ColumnType.Numeric => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        _ => true,
    };
}
