namespace FedChain.Learning.Analysis.Results;

/// <summary>A table of released numbers (Table 1, missingness, quantiles, a cross-tabulation, a histogram), suppressed cells marked.</summary>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">The rows, each with one cell per column.</param>
/// <param name="Test">A test computed from the table (a cross-tabulation's chi-squared), when there is one.</param>
/// <param name="Edges">For a histogram: the bin edges; its columns are the bins [e_i, e_i+1) (the last closed), then the rows below and above the edges, and its rows the sites and the pool.</param>
public sealed record TableResult(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows, TestStatistic? Test = null,
    IReadOnlyList<double>? Edges = null) : AnalysisResult(Name, Title);
