using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Mapping;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Tests.Support;
using FedChain.TestSupport;

namespace FedChain.Learning.Tests.Data.Ingestion;

public sealed class CsvIngestionTests : IDisposable
{
    // age: numeric 0-120 (drop on missing); cp: categorical 1-4; chol: imputed with 200 when missing; y: label.
    private const string SchemaJson = """
        {
          "name": "mini", "version": 1,
          "columns": [
            { "name": "age", "min": 0, "max": 120 },
            { "name": "cp", "type": "categorical", "categories": [ { "code": "1" }, { "code": "2" }, { "code": "3" }, { "code": "4" } ] },
            { "name": "chol", "min": 0, "max": 1000, "missing": "impute", "impute": 200 },
            { "name": "y", "role": "label", "min": 0, "max": 4 }
          ],
          "task": { "kind": "binary", "label": "y", "positiveAbove": 0 },
          "split": { "kind": "random" },
          "rows": { "missing": "drop-row", "maxDroppedFraction": 0.9 }
        }
        """;

    private readonly TempDirectory _dir = new();
    private readonly DatasetSchema _schema = DatasetSchema.Parse(SchemaJson, "mini");
    private readonly SiteMapping _mapping = SiteMapping.Parse("""{ "format": { "missingMarkers": ["?"] } }""", "mini.mapping.json");

    public void Dispose() => _dir.Dispose();

    private IngestedSite Load(string csv)
    {
        var path = _dir.File("site.csv");
        File.WriteAllText(path, csv);
        return CsvIngestion.Load(_schema, _mapping, new SiteSource("site", path));
    }

    [Fact]
    public void Load_CleanFile_EncodesOneHotAndLabel()
    {
        var sut = Load("age,cp,chol,y\n50,1,180,0\n60,3.0,220,2\n");

        Assert.Equal(2, sut.Data.Count);
        Assert.Equal(0, sut.Report.RowsDropped);
        // age, cp=2, cp=3, cp=4, chol
        Assert.Equal([50f, 0, 0, 0, 180, 60, 0, 1, 0, 220], sut.Data.Features);
        Assert.Equal([0f, 1], sut.Data.Labels!);
    }

    [Fact]
    public void Load_Log1pColumn_FeedsTheModelTheLogAndAnalysesTheRecordedValue()
    {
        var schema = DatasetSchema.Parse(SchemaJson.Replace("""{ "name": "chol", "min": 0, "max": 1000,""", """{ "name": "chol", "min": 0, "max": 1000, "transform": "log1p",""", StringComparison.Ordinal), "mini-log");
        var path = _dir.File("log.csv");
        File.WriteAllText(path, "age,cp,chol,y\n50,1,180,0\n60,3,0,2\n");

        var sut = CsvIngestion.Load(schema, _mapping, new SiteSource("site", path));

        Assert.Equal([50f, 0, 0, 0, (float)Math.Log(181), 60, 0, 1, 0, 0], sut.Data.Features);
        Assert.Equal([180.0, 0], sut.Table.Column("chol"));
        Assert.NotEqual(_schema.Hash, schema.Hash);
    }

    [Theory]
    [InlineData("""{ "name": "cp", "type": "categorical",""", """{ "name": "cp", "type": "categorical", "transform": "log1p",""", "only a numeric feature")]
    [InlineData("""{ "name": "age", "min": 0,""", """{ "name": "age", "transform": "log1p",""", "needs a 'min' above -1")]
    public void Parse_TransformWhereItCannotApply_NamesTheColumn(string column, string transformed, string why)
    {
        var json = SchemaJson.Replace(column, transformed, StringComparison.Ordinal);

        var error = Assert.Throws<SchemaException>(() => DatasetSchema.Parse(json, "bad.json"));

        Assert.Contains("bad.json", error.Message);
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void Load_TruncatedFile_ReportsTheShortLineAndKeepsTheRest()
    {
        var sut = Load("age,cp,chol,y\n50,1,180,0\n61,2,190,1\n70,4");

        Assert.Equal(2, sut.Data.Count);
        Assert.Equal(1, sut.Report.IssueCount(IssueKind.WrongFieldCount));
        var issue = Assert.Single(sut.Report.Issues);
        Assert.Equal(4, issue.Line);
        Assert.EndsWith("site.csv", issue.File);
        Assert.False(sut.Report.Rejected);
    }

    [Fact]
    public void Load_TextInNumericColumn_ReportsUnparseableWithLineAndColumn()
    {
        var sut = Load("age,cp,chol,y\n50,1,180,0\nfifty,2,190,1\n55,2,190,1\n");

        Assert.Equal(2, sut.Data.Count);
        Assert.Equal(1, sut.Report.Columns["age"].Unparseable);
        Assert.Contains(sut.Report.Issues, i => i is { Line: 3, Column: "age", Kind: IssueKind.Unparseable });
    }

    [Fact]
    public void Load_UnknownCategory_ReportsItAndDropsOnlyThatRow()
    {
        var sut = Load("age,cp,chol,y\n50,1,180,0\n51,7,180,1\n52,4,180,1\n");

        Assert.Equal(2, sut.Data.Count);
        Assert.Equal(1, sut.Report.Columns["cp"].UnknownCategory);
        Assert.Contains(sut.Report.Issues, i => i is { Line: 3, Column: "cp", Kind: IssueKind.UnknownCategory });
    }

    [Fact]
    public void Load_AllMissingImputedColumn_ReportsItAndKeepsEveryRow()
    {
        var sut = Load("age,cp,chol,y\n50,1,?,0\n51,2,,1\n52,4,?,1\n");

        Assert.Equal(3, sut.Data.Count);
        Assert.Equal(3, sut.Report.RowsImputed);
        Assert.Equal(1.0, sut.Report.Columns["chol"].Missingness);
        Assert.Contains(sut.Report.Findings, f => f.Contains("'chol' is missing in all 3 rows", StringComparison.Ordinal));
        Assert.All(Enumerable.Range(0, 3), r => Assert.Equal(200f, sut.Data.Features[r * 5 + 4]));
    }

    [Fact]
    public void Load_AllMissingDropRowColumn_RejectsTheSiteWithAClearReason()
    {
        var sut = Load("age,cp,chol,y\n?,1,180,0\n?,2,180,1\n");

        Assert.True(sut.Report.Rejected);
        Assert.Contains("2 of 2 rows dropped", sut.Report.RejectionReason);
        Assert.Contains(sut.Report.Findings, f => f.Contains("'age' is missing in all 2 rows (every row dropped)", StringComparison.Ordinal));
        Assert.Equal(0, sut.Data.Count);
    }

    [Fact]
    public void Load_MissingLabel_ReportsMissingOutcomeAndKeepsValidRows()
    {
        var sut = Load("age,cp,chol,y\n50,1,180,0\n51,2,180,?\n52,4,180,1\n");

        Assert.Equal(2, sut.Data.Count);
        Assert.Equal(1, sut.Report.IssueCount(IssueKind.MissingOutcome));
        Assert.Equal(1, sut.Report.Columns["y"].Missing);
        Assert.Contains(sut.Report.Issues, i => i is { Line: 3, Column: "y", Kind: IssueKind.MissingOutcome });
    }

    [Fact]
    public void Load_OutOfRange_IsCountedPerColumn()
    {
        var sut = Load("age,cp,chol,y\n500,1,180,0\n50,1,-3,0\n50,1,180,0\n");

        Assert.Equal(1, sut.Data.Count);
        Assert.Equal(1, sut.Report.Columns["age"].OutOfRange);
        Assert.Equal(1, sut.Report.Columns["chol"].OutOfRange);
    }

    [Fact]
    public void Load_HeaderWithoutAColumn_RejectsNamingTheColumn()
    {
        var sut = Load("age,cp,y\n50,1,0\n");

        Assert.True(sut.Report.Rejected);
        Assert.Contains("'chol'", sut.Report.RejectionReason);
    }

    [Fact]
    public void Load_MissingFile_IsARejectedReportNotAnException()
    {
        var sut = CsvIngestion.Load(_schema, _mapping, new SiteSource("ghost", _dir.File("absent.csv")));

        Assert.True(sut.Report.Rejected);
        Assert.Contains("cannot read", sut.Report.RejectionReason);
    }

    [Fact]
    public void Load_RandomGarbage_NeverThrowsAndAccountsForEveryLine()
    {
        var random = new Random(2024);
        const string alphabet = "0123456789.,-?\"ab \t";
        for (var trial = 0; trial < 50; trial++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 40))
                .Select(_ => new string([.. Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)])]));
            var sut = Load("age,cp,chol,y\n" + string.Join('\n', lines));

            Assert.Equal(sut.Report.RowsRead, sut.Report.Rejected ? sut.Report.RowsRead : sut.Report.RowsKept + sut.Report.RowsDropped);
            Assert.Equal(sut.Report.Rejected ? 0 : sut.Report.RowsKept, sut.Data.Count);
        }
    }

    [Fact]
    public void Load_RealHeartFiles_KeepFlambysRowCounts()
    {
        Assert.Equal([303, 261, 46, 130], Datasets.Heart.Select(s => s.Data.Count));
        Assert.Equal([303, 294, 123, 200], Datasets.Heart.Select(s => s.Report.RowsRead));
        Assert.All(Datasets.Heart, s => Assert.False(s.Report.Rejected));
    }

    [Fact]
    public void Load_RealTcgaFile_SplitsTheSixRegionsThroughQuotedHeader()
    {
        Assert.Equal([311, 196, 206, 162, 162, 51], Datasets.Tcga.Select(s => s.Data.Count));
        Assert.All(Datasets.Tcga, s => Assert.Equal(0, s.Report.RowsDropped));
        Assert.Equal(1088, Datasets.Tcga.Sum(s => s.Data.Count));
    }
}
