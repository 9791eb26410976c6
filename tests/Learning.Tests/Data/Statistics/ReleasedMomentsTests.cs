using FedChain.Learning.Data;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Data.Statistics;

public sealed class ReleasedMomentsTests
{
    [Fact]
    public void Of_IndicatorWithFewerThanKOnes_IsWithheldAndTheRestReleased()
    {
        // Feature 0 numeric; feature 1 a 0/1 indicator with 2 ones in 10 rows; feature 2 an indicator with 5 ones.
        var features = Enumerable.Range(0, 10).SelectMany(r => new[] { r * 1.5f, r < 2 ? 1f : 0f, r < 5 ? 1f : 0f }).ToArray();
        var data = new SiteDataset("site", 3, features, new float[10], null, null);

        var sut = ReleasedMoments.Of(data, 5);

        Assert.Equal([1], sut.Withheld);
        Assert.Equal(0, sut.Moments.Sum[1]);
        Assert.Equal(FeatureMoments.Of(data).Sum[0], sut.Moments.Sum[0]);
        Assert.Equal(5, sut.Moments.Sum[2]);
        Assert.Equal(10, sut.Moments.Count);
    }

    [Fact]
    public void Of_SiteWithFewerThanKRows_ReleasesNothingAndSaysWhy()
    {
        var data = new SiteDataset("tiny", 1, [1f, 2f, 3f], new float[3], null, null);

        var sut = ReleasedMoments.Of(data, 5);

        Assert.Equal(0, sut.Moments.Count);
        Assert.Contains("3 rows, fewer than k = 5", sut.Reason);
    }

    [Fact]
    public void Of_HeartTrainingSplits_WithholdsOnlyRareOneHotColumns()
    {
        foreach (var split in Datasets.HeartSplits)
        {
            var sut = ReleasedMoments.Of(split.Train, 5);
            var names = Datasets.HeartSchema.FeatureNames;

            Assert.All(sut.Withheld, j => Assert.True(Datasets.HeartSchema.FeatureSlots.Any(s => s.Column.Type == FedChain.Learning.Data.Schema.ColumnType.Categorical && j >= s.Offset && j < s.Offset + s.Width)
                || names[j] is "sex" or "fbs" or "exang", $"{split.Train.Site}: {names[j]} withheld"));
            Assert.Equal(split.Train.Count, sut.Moments.Count);
        }

        Assert.Contains(Datasets.HeartSplits, s => ReleasedMoments.Of(s.Train, 5).Withheld.Count > 0);
    }
}
