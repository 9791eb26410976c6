using FedChain.Learning.Data.Ingestion;

namespace FedChain.Learning.Data.Mapping;

/// <summary>What a cell holds after the mapping, before the schema checks it.</summary>
internal enum CellKind
{
    Missing,
    /// <summary>Text still to be read as the schema column's type (a code, or a number in the schema's unit).</summary>
    Text,
    /// <summary>A number already in the schema's unit.</summary>
    Number,
    /// <summary>Not usable; <see cref="MappedCell.Issue"/> says why.</summary>
    Invalid,
}

internal readonly record struct MappedCell(CellKind Kind, double Number, string? Text, IssueKind Issue)
{
    public static MappedCell Missing { get; } = new(CellKind.Missing, double.NaN, null, IssueKind.Missing);

    public static MappedCell OfText(string text) => new(CellKind.Text, double.NaN, text, default);

    public static MappedCell OfNumber(double value) => new(CellKind.Number, value, null, default);

    public static MappedCell Invalid(IssueKind issue) => new(CellKind.Invalid, double.NaN, null, issue);
}
