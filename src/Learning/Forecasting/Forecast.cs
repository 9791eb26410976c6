namespace FedChain.Learning.Forecasting;

/// <summary>One district's one-step-ahead predictive distribution for one week: negative binomial (mean, size), Poisson when size is infinite, a point forecast when size is NaN.</summary>
/// <param name="District">Index into the table's districts.</param>
/// <param name="Week">1-based target week.</param>
public sealed record Forecast(int District, int Week, double Mean, double Size);
