namespace FedChain.Learning.Analysis.Results;

/// <summary>A chi-squared test: statistic, degrees of freedom and p-value.</summary>
public sealed record TestStatistic(string Test, double Chisq, int Df, double P);
