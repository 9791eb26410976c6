using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Data.Mapping;

/// <summary>Two real exports of one endpoint in different layouts load through one schema and two mappings.</summary>
public sealed class RotterdamGbsgMappingTests
{
    private static readonly (DatasetSchema Schema, IReadOnlyList<IngestedSite> Sites) Cohorts = Datasets.Load("breast-cancer-rotterdam-gbsg");

    [Fact]
    public void Load_BothCohorts_KeepEveryRow()
    {
        Assert.Equal(["rotterdam", "gbsg"], Cohorts.Sites.Select(s => s.Data.Site));
        Assert.Equal([2982, 686], Cohorts.Sites.Select(s => s.Data.Count));
        Assert.All(Cohorts.Sites, s => Assert.Equal(0, s.Report.RowsDropped));
    }

    [Fact]
    public void Load_Rotterdam_DerivesRecurrenceFreeSurvivalAsTheSurvivalPackageDefinesIt()
    {
        var rotterdam = Cohorts.Sites[0];

        // R: sum(pmax(recur, death)) and sum(ifelse(recur == 1, rtime, dtime)) on rotterdam.csv.
        Assert.Equal(1713, rotterdam.Data.Events!.Sum());
        Assert.Equal(6283689.0, rotterdam.Table.Column("rfs_time").Sum());
        Assert.Equal(2982, rotterdam.Report.Columns["size"].Recoded);
        Assert.Equal(["pid", "year"], rotterdam.Report.UnusedFields);
    }

    [Fact]
    public void Load_Gbsg_BinsTumourSizeAndRenamesTheEndpoint()
    {
        var gbsg = Cohorts.Sites[1];
        var size = gbsg.Table.Column("size");

        // R: table(cut(gbsg$size, c(-Inf, 20, 50, Inf))) = 180, 453, 53.
        Assert.Equal([180, 453, 53], Enumerable.Range(0, 3).Select(c => size.Count(v => v == c)));
        Assert.Equal(299, gbsg.Data.Events!.Sum());
        Assert.Equal(771400.0, gbsg.Table.Column("rfs_time").Sum());
        Assert.Equal("field 'rfstime'", gbsg.Report.Columns["rfs_time"].Source);
        Assert.All(gbsg.Table.Column("chemo"), v => Assert.True(double.IsNaN(v)));
    }
}
