using FedChain.Learning.Data.Splits;
using FedChain.Learning.Survival;
using FedChain.Learning.Tests.Support;
using FedChain.TestSupport;

namespace FedChain.Learning.Tests.Survival;

public sealed class BreastCancerSitesTests
{
    private static BreastCancerCohorts Load() => BreastCancerSites.Load(Datasets.Folder("breast-cancer-rotterdam-gbsg"));

    [Fact]
    public void Load_BothCohortsThroughTheirMappings_GiveRecurrenceFreeSurvivalOnOneLayout()
    {
        var cohorts = Load();

        var rotterdam = cohorts.Sites[0].Data;
        var gbsg = cohorts.Sites[1].Data;
        Assert.Equal((2982, 686), (rotterdam.Count, gbsg.Count));
        Assert.Equal(rotterdam.FeatureCount, gbsg.FeatureCount);
        // Rotterdam's RFS event is relapse or death: 1,713 of 2,982 (recur 1,518, and 195 deaths without relapse).
        Assert.Equal(1713, rotterdam.Events!.Sum(e => (int)e));
        Assert.Equal(299, gbsg.Events!.Sum(e => (int)e));
        Assert.Equal(1546, Enumerable.Range(0, rotterdam.Count).Count(i => rotterdam.Features[i * rotterdam.FeatureCount + cohorts.Nodes] > 0));
        Assert.Equal(339, Enumerable.Range(0, rotterdam.Count).Count(i => rotterdam.Features[i * rotterdam.FeatureCount + cohorts.HormonalTherapy] == 1));
        Assert.Equal("132", cohorts.Sites[1].PatientIds[0]);
        Assert.Equal(2.0 / 3, cohorts.Schema.Split.TrainFraction);
    }

    [Fact]
    public void Load_AFileThatLosesRows_IsRefusedWithItsReport()
    {
        using var folder = new TempDirectory();
        foreach (var file in Directory.GetFiles(Datasets.Folder("breast-cancer-rotterdam-gbsg"))) File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        var gbsg = Path.Combine(folder.Path, "gbsg.csv");
        File.WriteAllLines(gbsg, [.. File.ReadAllLines(gbsg).Take(3), "2,55,1,20,3,secret,0,0,0,403,1"]);

        var error = Assert.Throws<InvalidDataException>(() => BreastCancerSites.Load(folder.Path));

        Assert.Contains("gbsg.csv", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void Split_IsTheSchemaSplitThatANodeApplies()
    {
        // The benchmark's per-seed split with the schema's seed is the split TrainTestSplit gives a node.
        var cohorts = Load();
        var site = cohorts.Sites[1];
        var protocol = TreatmentProtocol.RotterdamGbsg();

        var sut = TreatmentBenchmark.Split(protocol, site, cohorts.Schema.Split.Seed);
        var node = TrainTestSplit.Apply(cohorts.Schema, site.Data);

        Assert.Equal(node.Train.Times, sut.Train.Times);
        Assert.Equal(node.Test.Features, sut.Test.Features);
        Assert.Equal((int)Math.Floor(686 * 2.0 / 3), sut.TrainRows.Length);
        Assert.Equal(sut.Train.Events!.Average(), sut.Test.Events!.Average(), 1);
    }
}
