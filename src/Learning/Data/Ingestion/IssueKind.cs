namespace FedChain.Learning.Data.Ingestion;

/// <summary>The kinds of problem ingestion reports. Reports hold counts and positions, never values.</summary>
public enum IssueKind
{
    /// <summary>A cell holds a missing-value marker or nothing.</summary>
    Missing,
    /// <summary>A numeric cell lies outside the schema's [min, max].</summary>
    OutOfRange,
    /// <summary>A numeric cell is not a finite number.</summary>
    Unparseable,
    /// <summary>A categorical cell holds a code the schema does not list.</summary>
    UnknownCategory,
    /// <summary>A line has more or fewer fields than the layout (a truncated file ends this way).</summary>
    WrongFieldCount,
    /// <summary>A quoted field is not closed on its line.</summary>
    UnterminatedQuote,
    /// <summary>The label, time or event of a row is missing or invalid, so the row cannot train or test anything.</summary>
    MissingOutcome,
}
