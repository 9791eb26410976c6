namespace FedChain.Learning.Analysis.Results;

/// <summary>Kaplan-Meier curves, one per stratum.</summary>
public sealed record KaplanMeierResult(string Name, string Title, double Confidence, IReadOnlyList<KaplanMeierStratum> Strata) : AnalysisResult(Name, Title);
