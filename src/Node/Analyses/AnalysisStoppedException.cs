namespace FedChain.Node.Analyses;

/// <summary>An analysis plan cannot go on exactly (a site's statistics are missing from a round): the node stops it and says why.</summary>
public sealed class AnalysisStoppedException(string message) : Exception(message);
