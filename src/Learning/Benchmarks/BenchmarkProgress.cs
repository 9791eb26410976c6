namespace FedChain.Learning.Benchmarks;

/// <summary>A benchmark step finished: which method and seed, and how far the whole run is.</summary>
public sealed record BenchmarkProgress(string Method, long Seed, int Done, int Total);
