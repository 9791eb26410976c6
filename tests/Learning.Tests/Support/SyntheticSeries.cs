using FedChain.Learning.Data;
using FedChain.Learning.Data.Splits;

namespace FedChain.Learning.Tests.Support;

/// <summary>Small synthetic count rows whose features are a short sequence, for the sequence families.</summary>
internal static class SyntheticSeries
{
    /// <summary>Rows of <paramref name="steps"/> x <paramref name="channels"/> features plus one static feature; the count follows the last step's first channel.</summary>
    public static SiteDataset Counts(string site, int rows, int steps, int channels, int seed)
    {
        var random = new Random(seed);
        var d = steps * channels + 1;
        var x = new float[rows * d];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < d; j++) x[i * d + j] = (float)(random.NextDouble() * 2 - 1);
            var mean = Math.Exp(0.5 + x[i * d + (steps - 1) * channels] + 0.3 * x[i * d + d - 1]);
            y[i] = Poisson(mean, random);
        }

        return new SiteDataset(site, d, x, y, null, null);
    }

    /// <summary>Three sites of synthetic count rows, each split 80/20 by row order.</summary>
    public static IReadOnlyList<SiteSplit> Sites(int steps, int channels) =>
        [.. Enumerable.Range(0, 3).Select(s =>
        {
            var all = Counts($"site-{s}", 60, steps, channels, 100 + s);
            return new SiteSplit(all.Subset([.. Enumerable.Range(0, 48)]), all.Subset([.. Enumerable.Range(48, 12)]));
        })];

    private static float Poisson(double mean, Random random)
    {
        // Knuth's method: fine for the small means here.
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit) { k++; p *= random.NextDouble(); }
        return k;
    }
}
