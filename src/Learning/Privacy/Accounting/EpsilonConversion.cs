namespace FedChain.Learning.Privacy.Accounting;

/// <summary>How a Rényi-DP curve is turned into an (epsilon, delta) guarantee.</summary>
public enum EpsilonConversion
{
    /// <summary>
    /// Balle et al. 2020, "Hypothesis testing interpretations and Rényi differential privacy",
    /// Theorem 21: eps = rdp + log((a-1)/a) - (log delta + log a)/(a-1). Always at least as tight
    /// as <see cref="Classic"/>.
    /// </summary>
    Improved,

    /// <summary>Mironov 2017, "Rényi differential privacy", Proposition 3: eps = rdp + log(1/delta)/(a-1).</summary>
    Classic,
}
