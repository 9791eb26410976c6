namespace FedChain.Learning.Benchmarks;

/// <summary>
/// A method of our own whose settings are picked among <see cref="Candidates"/> by their score on
/// validation rows carved out of each site's train split; test rows never take part in the choice.
/// </summary>
public sealed record TunedMethod(string Name, IReadOnlyList<BenchmarkMethod> Candidates);
