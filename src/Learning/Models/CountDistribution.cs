namespace FedChain.Learning.Models;

/// <summary>The predictive distribution of a count model.</summary>
public enum CountDistribution
{
    /// <summary>Mean and size per row: variance = mean + mean^2 / size (the family of hhh4's NegBin1).</summary>
    NegativeBinomial,
    /// <summary>Mean per row: variance = mean.</summary>
    Poisson,
}
