namespace FedChain.Learning.Benchmarks;

/// <summary>The robustness benchmark: the results.json contract, and what else it measured.</summary>
/// <param name="HonestByRule">Each robust rule with an honest fifth: what robustness costs when nobody attacks.</param>
/// <param name="AggregateNormBound">The aggregate norm bound used (model units), from the honest run.</param>
public sealed record RobustnessReport(RobustnessResult Result, IReadOnlyDictionary<string, double> HonestByRule, double AggregateNormBound, IReadOnlyList<long> Seeds);
