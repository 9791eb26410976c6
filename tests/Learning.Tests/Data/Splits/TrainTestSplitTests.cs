using FedChain.Learning.Data.Splits;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Data.Splits;

public sealed class TrainTestSplitTests
{
    [Fact]
    public void Apply_Heart_GivesFlambysSplitSizes()
    {
        var sut = Datasets.HeartSplits;

        Assert.Equal([199, 172, 30, 85], sut.Select(s => s.Train.Count));
        Assert.Equal([104, 89, 16, 45], sut.Select(s => s.Test.Count));
    }

    [Fact]
    public void Apply_Twice_GivesTheSameRows()
    {
        var a = Datasets.HeartSplits;
        var b = Datasets.HeartSplits;

        Assert.Equal(a[0].Train.Features, b[0].Train.Features);
        Assert.Equal(a[3].Test.Labels, b[3].Test.Labels);
    }

    [Fact]
    public void Apply_Cleveland_IsStratifiedOnTheLabel()
    {
        var site = Datasets.HeartSplits[0];
        var all = Datasets.Heart[0].Data.Labels!;
        var expected = all.Average(y => (double)y);

        Assert.Equal(expected, site.Train.Labels!.Average(y => (double)y), 0.01);
        Assert.Equal(expected, site.Test.Labels!.Average(y => (double)y), 0.01);
    }

    [Fact]
    public void Apply_Tcga_UsesTheFoldColumn()
    {
        var sut = Datasets.Tcga.Select(s => TrainTestSplit.Apply(Datasets.TcgaSchema, s.Data)).ToArray();

        Assert.Equal([248, 156, 164, 129, 129, 40], sut.Select(s => s.Train.Count));
        Assert.Equal([63, 40, 42, 33, 33, 11], sut.Select(s => s.Test.Count));
    }

    [Fact]
    public void CarveValidation_PartitionsTheTrainRows()
    {
        var train = Datasets.HeartSplits[1].Train;

        var sut = TrainTestSplit.CarveValidation(train, 0.75, 7);

        Assert.Equal(train.Count, sut.Train.Count + sut.Test.Count);
        Assert.Equal((int)Math.Floor(0.75 * train.Count), sut.Train.Count);
    }
}
