namespace FedChain.Learning.Analysis.Plans;

/// <summary>An analysis plan that cannot run; the message names the plan, the analysis and the field.</summary>
public sealed class AnalysisPlanException(string message, Exception? inner = null) : ArgumentException(message, inner);
