namespace FedChain.Learning.Analysis.Results;

/// <summary>Counts of a numeric column in bins [edges_i, edges_i+1), the last closed; values outside the edges are counted as such.</summary>
public sealed record HistogramResult(string Name, string Title, string Variable, IReadOnlyList<double> Edges, IReadOnlyList<HistogramSeries> Series)
    : AnalysisResult(Name, Title);
