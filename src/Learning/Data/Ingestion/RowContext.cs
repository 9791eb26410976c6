namespace FedChain.Learning.Data.Ingestion;

/// <summary>Where the row being read is, so its issues name file and line.</summary>
internal readonly record struct RowContext(string File, int Line, ValidationReport Report)
{
    public void Issue(string column, IssueKind kind) => Report.Add(new ValidationIssue(File, Line, column, kind));
}
