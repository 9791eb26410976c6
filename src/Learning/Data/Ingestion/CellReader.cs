using System.Globalization;
using FedChain.Learning.Data.Mapping;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Ingestion;

/// <summary>Checks a mapped cell against its schema column: range for numbers, the code list for categories.</summary>
internal sealed class CellReader
{
    private readonly (string Code, double? Number)[] _codes;

    public CellReader(ColumnSpec column)
    {
        Column = column;
        _codes = [.. (column.Categories ?? []).Select(c => (c.Code, TryNumber(c.Code)))];
    }

    public ColumnSpec Column { get; }

    /// <summary>A numeric cell's value; the issue says why it is not usable.</summary>
    public IssueKind? ReadNumber(MappedCell cell, out double value)
    {
        value = double.NaN;
        switch (cell.Kind)
        {
            case CellKind.Missing: return IssueKind.Missing;
            case CellKind.Invalid: return cell.Issue;
            case CellKind.Text when TryNumber(cell.Text!) is { } parsed: value = parsed; break;
            case CellKind.Text: return IssueKind.Unparseable;
            default: value = cell.Number; break;
        }

        return value < Column.Min || value > Column.Max ? IssueKind.OutOfRange : null;
    }

    /// <summary>A categorical cell's position in the schema's category list.</summary>
    public IssueKind? ReadCategory(MappedCell cell, out int category)
    {
        category = -1;
        if (cell.Kind == CellKind.Missing) return IssueKind.Missing;
        if (cell.Kind == CellKind.Invalid) return cell.Issue;
        var text = cell.Kind == CellKind.Text ? cell.Text! : cell.Number.ToString("R", CultureInfo.InvariantCulture);
        var number = cell.Kind == CellKind.Number ? cell.Number : TryNumber(text);
        for (var i = 0; i < _codes.Length; i++)
        {
            // "1" and "1.0" are the same code: the UCI heart files spell integers both ways.
            if (_codes[i].Code == text || (number is not null && _codes[i].Number == number)) { category = i; return null; }
        }

        return IssueKind.UnknownCategory;
    }

    private static double? TryNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
