namespace FedChain.Learning.Analysis.Results;

/// <summary>A table of released numbers (Table 1, missingness, quantiles, a cross-tabulation), suppressed cells marked.</summary>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">The rows, each with one cell per column.</param>
/// <param name="Test">A test computed from the table (a cross-tabulation's chi-squared), when there is one.</param>
public sealed record TableResult(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows, TestStatistic? Test = null)
    : AnalysisResult(Name, Title);
