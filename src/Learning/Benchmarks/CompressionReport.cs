namespace FedChain.Learning.Benchmarks;

/// <summary>The compression benchmark: the results.json contract, the model's size and the seeds.</summary>
public sealed record CompressionReport(CompressionResult Result, int Parameters, IReadOnlyList<long> Seeds);
