namespace FedChain.Learning.Analysis.Engine;

/// <summary>
/// One named run of statistics in a step's vector, with the fixed-point scale they travel at.
/// A <see cref="Release.PerSite"/> block takes <see cref="Length"/> slots per site (site-major, in
/// roster order); a <see cref="Release.Pooled"/> block takes <see cref="Length"/> slots summed over sites.
/// </summary>
/// <param name="Name">What the block holds, e.g. "risk-set sums".</param>
/// <param name="Length">Statistics per site.</param>
/// <param name="FractionBits">Fixed-point fractional bits: a value v travels as round(v * 2^bits) in Z_2^64 (negative bits scale down).</param>
/// <param name="Release">Whether each site's values are seen or only their sum.</param>
public sealed record StatisticBlock(string Name, int Length, int FractionBits, Release Release)
{
    /// <summary>Slots the block takes in the summed vector.</summary>
    public int Width(int sites) => Release == Release.PerSite ? sites * Length : Length;
}
