using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Privacy.DpSgd;

namespace FedChain.Learning.Analysis.Disclosure;

/// <summary>A site's share of the Gaussian noise on released counts (see <see cref="DpRelease"/>).</summary>
public static class DpNoise
{
    /// <summary>Adds this site's noise to <paramref name="counts"/>: sigma^2 / m of it in a pooled block (m sites add up to sigma^2), all of it in a per-site block.</summary>
    /// <param name="sensitivity">L2 sensitivity of the whole vector to one patient.</param>
    public static void Add(double[] counts, DpRelease dp, double sensitivity, Release release, int sites, NoiseSource noise)
    {
        var sigma = dp.Sigma * sensitivity / (release == Release.Pooled ? Math.Sqrt(sites) : 1);
        var draws = new float[counts.Length];
        noise.FillGaussian(draws, sigma);
        for (var i = 0; i < counts.Length; i++) counts[i] += draws[i];
    }

    /// <summary>A noisy count as released: rounded, never negative.</summary>
    public static double Released(double noisy) => Math.Max(0, Math.Round(noisy, MidpointRounding.ToEven));
}
