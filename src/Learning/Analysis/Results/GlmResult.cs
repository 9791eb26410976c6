using FedChain.Learning.Analysis.Plans;

namespace FedChain.Learning.Analysis.Results;

/// <summary>A fitted GLM as R's summary.glm gives it.</summary>
public sealed record GlmResult(string Name, string Title, GlmFamily Family, long N, bool Converged, double Deviance, double Dispersion, long DfResidual,
    IReadOnlyList<Coefficient> Coefficients) : AnalysisResult(Name, Title);
