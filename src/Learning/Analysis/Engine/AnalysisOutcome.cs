using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Engine;

/// <summary>What a finished analysis plan produced: its results, and the record of every block the sites shared to get there.</summary>
public sealed record AnalysisOutcome(string PlanHash, IReadOnlyList<string> Sites, int Rounds, int MaxRounds, bool SecureAggregation,
    IReadOnlyList<AnalysisResult> Results, IReadOnlyList<SharedBlock> Shared);
