using FedChain.Learning.Analysis.Plans;

namespace FedChain.Learning.Analysis.Results;

/// <summary>A fitted Cox model as R's summary.coxph gives it (coefficients on the log-hazard scale).</summary>
public sealed record CoxResult(string Name, string Title, TiesMethod Ties, string? Strata, long N, long Events, bool Converged, double LogLikelihood,
    IReadOnlyList<Coefficient> Coefficients) : AnalysisResult(Name, Title);
