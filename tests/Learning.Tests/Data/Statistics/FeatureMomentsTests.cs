using FedChain.Learning.Data;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Data.Statistics;

public sealed class FeatureMomentsTests
{
    [Fact]
    public void Combine_SiteMoments_EqualPooledMeanAndStd()
    {
        var sites = Datasets.HeartSplits.Select(s => s.Train).ToArray();
        var pooled = SiteDataset.Concat("pooled", sites);

        var sut = FeatureMoments.Combine([.. sites.Select(FeatureMoments.Of)]).ToStandardiser();

        var d = pooled.FeatureCount;
        for (var j = 0; j < d; j++)
        {
            var column = Enumerable.Range(0, pooled.Count).Select(r => (double)pooled.Features[r * d + j]).ToArray();
            var mean = column.Average();
            var std = Math.Sqrt(column.Select(x => (x - mean) * (x - mean)).Average());
            Assert.Equal(mean, sut.Mean[j], 1e-3);
            Assert.Equal(std, sut.Std[j], 1e-3);
        }
    }

    [Fact]
    public void ToVector_RoundTrips()
    {
        var sut = FeatureMoments.Of(Datasets.Synthetic("a", 20, 3, 1));

        var back = FeatureMoments.FromVector(sut.ToVector());

        Assert.Equal(sut.Count, back.Count);
        Assert.Equal(sut.Sum, back.Sum);
        Assert.Equal(sut.SumOfSquares, back.SumOfSquares);
    }

    [Fact]
    public void Standardise_ConstantColumn_MapsToZero()
    {
        var data = new SiteDataset("c", 1, [5f, 5f, 5f], [0f, 1f, 0f], null, null);

        var scaled = FeatureMoments.Of(data).ToStandardiser().Apply(data);

        Assert.All(scaled.Features, x => Assert.Equal(0f, x));
    }
}
