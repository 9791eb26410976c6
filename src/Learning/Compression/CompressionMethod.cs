namespace FedChain.Learning.Compression;

/// <summary>How a member's fixed-point update is compressed before it is sealed (docs/learning.md, "Compression").</summary>
public enum CompressionMethod
{
    /// <summary>8-bit stochastic quantisation with an integer scale per chunk (QSGD-style, Alistarh et al. 2017).</summary>
    Int8,

    /// <summary>4-bit stochastic quantisation with an integer scale per chunk.</summary>
    Int4,

    /// <summary>The same k random coordinates for every member, from the plan seed and the round: sums stay sums, so it runs under secure aggregation.</summary>
    RandomK,

    /// <summary>Each member's k largest coordinates with their indices (Aji and Heafield 2017); needs individual updates.</summary>
    TopK,
}
