namespace FedChain.Learning.Data.Ingestion;

/// <summary>Per-column counts for one site's file, and what its mapping did to the column. Counts only, never values.</summary>
public sealed class ColumnReport
{
    /// <summary>Where the mapping found the column: "field 'age'", "position 3", "derived: ...", "absent ...".</summary>
    public string? Source { get; set; }

    /// <summary>The unit conversion applied, in words; null when the export uses the schema's unit.</summary>
    public string? Conversion { get; set; }

    /// <summary>Cells converted from the export's unit.</summary>
    public int Converted { get; set; }

    /// <summary>Cells whose export value the mapping recoded to a schema value.</summary>
    public int Recoded { get; set; }

    /// <summary>Cells computed by a derived rule.</summary>
    public int Derived { get; set; }

    /// <summary>Rows dropped (for training) because of this column's cell; a row with several bad cells counts in each.</summary>
    public int Dropped { get; set; }

    public int Missing { get; set; }
    public int Imputed { get; set; }
    public int OutOfRange { get; set; }
    public int Unparseable { get; set; }
    public int UnknownCategory { get; set; }

    /// <summary>Share of the well-formed rows whose cell was missing.</summary>
    public double Missingness { get; set; }

    internal void Count(IssueKind kind)
    {
        switch (kind)
        {
            case IssueKind.Missing: Missing++; break;
            case IssueKind.OutOfRange: OutOfRange++; break;
            case IssueKind.Unparseable: Unparseable++; break;
            case IssueKind.UnknownCategory: UnknownCategory++; break;
        }
    }
}
