using System.Globalization;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Ingestion;

/// <summary>Parses the cells of one schema column, bound to its field position in a file.</summary>
internal sealed class CellReader
{
    private readonly HashSet<string> _missingMarkers;
    private readonly (string Code, double? Number)[] _codes;

    public CellReader(ColumnSpec column, int field, IEnumerable<string> missingMarkers)
    {
        Column = column;
        Field = field;
        _missingMarkers = new HashSet<string>(missingMarkers, StringComparer.Ordinal) { "" };
        _codes = [.. (column.Categories ?? []).Select(c => (c.Code, TryNumber(c.Code)))];
    }

    public ColumnSpec Column { get; }

    /// <summary>0-based field position in the file.</summary>
    public int Field { get; }

    public bool IsMissing(string cell) => _missingMarkers.Contains(cell);

    /// <summary>Parses a numeric cell; the issue says why it failed.</summary>
    public IssueKind? ReadNumber(string cell, out double value)
    {
        value = double.NaN;
        if (IsMissing(cell)) return IssueKind.Missing;
        if (TryNumber(cell) is not { } number) return IssueKind.Unparseable;
        value = number;
        return number < Column.Min || number > Column.Max ? IssueKind.OutOfRange : null;
    }

    /// <summary>Finds a categorical cell's position in the schema's category list.</summary>
    public IssueKind? ReadCategory(string cell, out int category)
    {
        category = -1;
        if (IsMissing(cell)) return IssueKind.Missing;
        var number = TryNumber(cell);
        for (var i = 0; i < _codes.Length; i++)
        {
            // "1" and "1.0" are the same code: the UCI heart files spell integers both ways.
            if (_codes[i].Code == cell || (number is not null && _codes[i].Number == number)) { category = i; return null; }
        }

        return IssueKind.UnknownCategory;
    }

    private static double? TryNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
