using System.Globalization;
using FedChain.Learning.Data.Ingestion;

namespace FedChain.Learning.Data.Mapping;

/// <summary>One line of a site's export, its fields found by name, read as the export's format says.</summary>
internal sealed class ExportRow(IReadOnlyDictionary<string, int> fields, ExportFormat format)
{
    private readonly HashSet<string> _missing = new(format.MissingMarkers ?? [], StringComparer.Ordinal) { "" };

    public List<string> Fields { get; set; } = [];

    public bool IsMissing(string cell, IReadOnlyList<string>? moreMarkers) => _missing.Contains(cell) || (moreMarkers?.Contains(cell) ?? false);

    public string Raw(string field) => Fields[fields[field]];

    /// <summary>A number written with the export's decimal separator.</summary>
    public MappedCell Number(string field) => ParseNumber(Raw(field), null);

    public MappedCell ParseNumber(string cell, IReadOnlyList<string>? moreMarkers)
    {
        if (IsMissing(cell, moreMarkers)) return MappedCell.Missing;
        if (format.Decimal == ",") cell = cell.Replace(',', '.');
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? MappedCell.OfNumber(v)
            : MappedCell.Invalid(IssueKind.Unparseable);
    }

    /// <summary>A date as its day number (days since 0001-01-01), so differences are days.</summary>
    public MappedCell Date(string field, string dateFormat)
    {
        var cell = Raw(field);
        if (IsMissing(cell, null)) return MappedCell.Missing;
        return DateTime.TryParseExact(cell, dateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? MappedCell.OfNumber(date.Ticks / TimeSpan.TicksPerDay)
            : MappedCell.Invalid(IssueKind.Unparseable);
    }
}
