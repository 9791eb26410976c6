namespace FedChain.Learning.Analysis.Results;

/// <summary>A log-rank group: rows, observed and expected events (as R survdiff prints them).</summary>
public sealed record GroupCount(string Name, TableCell N, TableCell Observed, double Expected);
