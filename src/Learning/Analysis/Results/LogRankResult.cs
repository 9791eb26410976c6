namespace FedChain.Learning.Analysis.Results;

/// <summary>The log-rank test.</summary>
public sealed record LogRankResult(string Name, string Title, double Chisq, int Df, double P, IReadOnlyList<GroupCount> Groups, string? Strata = null)
    : AnalysisResult(Name, Title);
