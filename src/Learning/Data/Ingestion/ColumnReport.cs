namespace FedChain.Learning.Data.Ingestion;

/// <summary>Per-column counts for one site's file.</summary>
public sealed class ColumnReport
{
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
