namespace FedChain.Learning.Analysis.Results;

/// <summary>One model coefficient with its Wald statistics (for a Gaussian GLM, <see cref="Z"/> is Student's t, as R reports it).</summary>
public sealed record Coefficient(string Term, double Estimate, double StdError, double Z, double P, double CiLower, double CiUpper);
