namespace FedChain.Learning.Analysis.Results;

/// <summary>The DP guarantee of an analysis's released counts: (epsilon, delta) and the noise's standard deviation.</summary>
public sealed record DpNote(double Epsilon, double Delta, double Sigma);
