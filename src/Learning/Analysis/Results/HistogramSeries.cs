namespace FedChain.Learning.Analysis.Results;

/// <summary>The bin counts of one site, or of all sites pooled.</summary>
public sealed record HistogramSeries(string Name, IReadOnlyList<TableCell> Counts);
