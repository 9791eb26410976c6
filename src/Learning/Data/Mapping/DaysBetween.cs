using System.Globalization;

namespace FedChain.Learning.Data.Mapping;

/// <summary>The number of days from one date field to another (end - start), e.g. follow-up from diagnosis and last-contact dates.</summary>
/// <param name="Column">The schema column (numeric, in days or a unit convertible from days) it fills.</param>
/// <param name="Start">The export's start date field.</param>
/// <param name="End">The export's end date field.</param>
/// <param name="DateFormat">The dates' .NET exact format, e.g. "yyyy-MM-dd" or "dd.MM.yyyy".</param>
public sealed record DaysBetween(string Column, string Start, string End, string DateFormat = "yyyy-MM-dd") : DerivedColumn
{
    public override IReadOnlyList<string> Outputs => [Column];

    public override IReadOnlyList<string> Inputs => [Start, End];

    internal override string? OutputUnit(string column) => "days";

    public override string Explain() => $"days from '{Start}' to '{End}' (dates as {DateFormat})";

    internal override void Derive(ExportRow row, Span<MappedCell> outputs)
    {
        var start = row.Date(Start, DateFormat);
        var end = row.Date(End, DateFormat);
        if (start.Kind != CellKind.Number) outputs[0] = start;
        else if (end.Kind != CellKind.Number) outputs[0] = end;
        else outputs[0] = MappedCell.OfNumber(end.Number - start.Number);
    }

    internal override void Check(Action<string> fail)
    {
        var probe = new DateTime(2001, 2, 3, 0, 0, 0, DateTimeKind.Unspecified);
        string text;
        try
        {
            text = probe.ToString(DateFormat, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            fail($"'dateFormat' '{DateFormat}' is not a date format");
            return;
        }

        if (!DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back) || back != probe)
        {
            fail($"'dateFormat' '{DateFormat}' does not name a day, month and year");
        }
    }
}
