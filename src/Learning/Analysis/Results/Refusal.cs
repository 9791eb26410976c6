namespace FedChain.Learning.Analysis.Results;

/// <summary>Why an analysis released nothing: the disclosure rule that refused it, and the figures that broke it.</summary>
public sealed record Refusal(string Rule, string Reason);
