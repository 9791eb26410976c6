namespace FedChain.Learning.Analysis.Engine;

/// <summary>A site's statistic does not fit the 64-bit ring at the scale its public bound set.</summary>
public sealed class RingOverflowException(string message) : Exception(message);
