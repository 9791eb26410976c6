using FedChain.Learning.Data.Splits;
using FedChain.Learning.Survival;
using FedChain.Learning.Tests.Support;
using FedChain.TestSupport;

namespace FedChain.Learning.Tests.Survival;

public sealed class BreastCancerSitesTests
{
    private static IReadOnlyList<CohortSite> Load() => BreastCancerSites.Load(Datasets.Folder("breast-cancer-rotterdam-gbsg"));

    [Fact]
    public void Load_BothCohorts_GiveRecurrenceFreeSurvivalOnOneLayout()
    {
        var sites = Load();

        var rotterdam = sites[0].Data;
        var gbsg = sites[1].Data;
        Assert.Equal((2982, 686), (rotterdam.Count, gbsg.Count));
        Assert.Equal(BreastCancerSites.FeatureNames.Count, rotterdam.FeatureCount);
        // Rotterdam's RFS event is relapse or death: 1,713 of 2,982 (recur 1,518, and 195 deaths without relapse).
        Assert.Equal(1713, rotterdam.Events!.Sum(e => (int)e));
        Assert.Equal(299, gbsg.Events!.Sum(e => (int)e));
        var nodes = BreastCancerSites.FeatureNames.ToList().IndexOf("log_nodes");
        Assert.Equal(1546, Enumerable.Range(0, rotterdam.Count).Count(i => rotterdam.Features[i * rotterdam.FeatureCount + nodes] > 0));
        Assert.Equal("132", sites[1].PatientIds[0]);
    }

    [Fact]
    public void Load_ABadCell_IsNamedByFileLineAndColumnWithoutItsValue()
    {
        using var folder = new TempDirectory();
        File.Copy(Path.Combine(Datasets.Folder("breast-cancer-rotterdam-gbsg"), "rotterdam.csv"), Path.Combine(folder.Path, "rotterdam.csv"));
        File.WriteAllLines(Path.Combine(folder.Path, "gbsg.csv"), ["\"pid\",\"age\",\"meno\",\"size\",\"grade\",\"nodes\",\"pgr\",\"er\",\"hormon\",\"rfstime\",\"status\"", "1,49,0,18,2,2,0,0,0,1838,0", "2,55,1,20,3,secret,0,0,0,403,1"]);

        var error = Assert.Throws<InvalidDataException>(() => BreastCancerSites.Load(folder.Path));

        Assert.Contains("gbsg.csv:3: column 'nodes' is not a number", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void Split_IsTheSchemaSplitThatANodeApplies()
    {
        // The benchmark's per-seed split with the schema's seed is the split TrainTestSplit gives a node.
        var site = Load()[1];
        var protocol = TreatmentProtocol.RotterdamGbsg();

        var sut = TreatmentBenchmark.Split(protocol, site, BreastCancerSites.Schema.Split.Seed);
        var node = TrainTestSplit.Apply(BreastCancerSites.Schema, site.Data);

        Assert.Equal(node.Train.Times, sut.Train.Times);
        Assert.Equal(node.Test.Features, sut.Test.Features);
        Assert.Equal((int)Math.Floor(686 * 2.0 / 3), sut.TrainRows.Length);
        Assert.Equal(sut.Train.Events!.Average(), sut.Test.Events!.Average(), 1);
    }
}
