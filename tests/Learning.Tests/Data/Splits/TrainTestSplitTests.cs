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

    [Fact]
    public void CrossValidationFolds_ValidateEveryTrainRowOnce_WithEachFoldsShareOfEvents()
    {
        var train = TrainTestSplit.Apply(Datasets.TcgaSchema, Datasets.Tcga[0].Data).Train;

        var sut = TrainTestSplit.CrossValidationFolds(train, 5, 7);

        Assert.Equal(5, sut.Count);
        Assert.All(sut, f => Assert.Equal(train.Count, f.Train.Count + f.Test.Count));
        Assert.Equal(train.Count, sut.Sum(f => f.Test.Count));
        Assert.All(sut, f => Assert.InRange(f.Test.Count, train.Count / 5, train.Count / 5 + 1));
        // Each row's (time, event) pair lands in exactly one validation fold.
        var rows = train.Times!.Zip(train.Events!).Order().ToArray();
        Assert.Equal(rows, sut.SelectMany(f => f.Test.Times!.Zip(f.Test.Events!)).Order().ToArray());
        var events = (int)train.Events!.Sum();
        Assert.All(sut, f => Assert.InRange((int)f.Test.Events!.Sum(), events / 5, events / 5 + 1));
    }

    [Fact]
    public void CrossValidationFolds_OneFold_IsAnError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainTestSplit.CrossValidationFolds(Datasets.HeartSplits[0].Train, 1, 7));
    }
}
