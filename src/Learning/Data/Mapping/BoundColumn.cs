using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Mapping;

/// <summary>One schema column bound to where a particular export holds it.</summary>
internal sealed class BoundColumn
{
    private readonly int _field;
    private readonly ColumnMapping? _entry;
    private readonly UnitConversion _conversion = UnitConversion.Identity;

    private BoundColumn(ColumnSpec column, string source, ColumnMapping? entry, string? unit, int field = -1)
    {
        Column = column;
        Source = source;
        _entry = entry;
        _field = field;
        if (unit is not null)
        {
            _conversion = ClinicalUnits.Conversion(column.Quantity, unit, column.Unit!, out _)!;
            if (!_conversion.IsIdentity) Conversion = ClinicalUnits.Explain(unit, column.Unit!, _conversion);
        }
    }

    public ColumnSpec Column { get; }

    /// <summary>Where the values come from, in words: "field 'age'", "position 4", "derived: ...", "absent".</summary>
    public string Source { get; }

    /// <summary>The unit conversion in words, when there is one.</summary>
    public string? Conversion { get; }

    /// <summary>Which derived rule fills the column (-1: a field of the export).</summary>
    public int Rule { get; private init; } = -1;

    /// <summary>Which of the rule's outputs.</summary>
    public int Output { get; private init; }

    public bool Absent { get; private init; }

    public static BoundColumn FromField(ColumnSpec column, ColumnMapping? entry, int field, string source) =>
        new(column, source, entry, entry?.Unit, field);

    public static BoundColumn FromRule(ColumnSpec column, DerivedColumn rule, int ruleIndex, int output) =>
        new(column, $"derived[{ruleIndex}]", null, column.Type == ColumnType.Numeric ? rule.OutputUnit(column.Name) : null) { Rule = ruleIndex, Output = output };

    public static BoundColumn Missing(ColumnSpec column, ColumnMapping entry) => new(column, "absent from this export (every cell missing)", entry, null) { Absent = true };

    /// <summary>The cell of this column in <paramref name="row"/>, counting conversions, recodings and derivations.</summary>
    public MappedCell Read(ExportRow row, MappedCell[][] derived, ColumnReport report)
    {
        if (Absent) return MappedCell.Missing;
        if (Rule >= 0)
        {
            var cell = derived[Rule][Output];
            if (cell.Kind is CellKind.Text or CellKind.Number) report.Derived++;
            return Convert(cell, report);
        }

        var raw = row.Fields[_field];
        if (row.IsMissing(raw, _entry?.MissingMarkers)) return MappedCell.Missing;
        if (_entry?.Recode is { } recode && recode.TryGetValue(raw, out var code))
        {
            raw = code;
            report.Recoded++;
        }

        return Column.Type == ColumnType.Numeric ? Convert(row.ParseNumber(raw, null), report) : MappedCell.OfText(raw);
    }

    private MappedCell Convert(MappedCell cell, ColumnReport report)
    {
        if (cell.Kind != CellKind.Number || _conversion.IsIdentity) return cell;
        report.Converted++;
        return MappedCell.OfNumber(_conversion.Apply(cell.Number));
    }
}
