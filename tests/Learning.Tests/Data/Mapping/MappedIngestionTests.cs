using System.Text;
using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Json;

namespace FedChain.Learning.Tests.Data.Mapping;

/// <summary>Each mapping feature on a small export, through the one loading entry point.</summary>
public sealed class MappedIngestionTests : IDisposable
{
    private const string Plain = """{ "format": {} }""";
    private readonly MappingFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Load_SchemaNamesInAnyOrder_FindsColumnsByName()
    {
        var sut = _fixture.Load(Plain, "event,time,smoker,weight,temp,chol,sex,age\n1,30,0,70,37,200,1,50\n");

        Assert.Equal(1, sut.Data.Count);
        Assert.Equal([50f, 1, 200, 37, 70], sut.Data.Features);
        Assert.Equal("field 'age'", sut.Report.Columns["age"].Source);
        Assert.Equal(30.0, sut.Table.Column("time")[0]);
    }

    [Fact]
    public void Load_AliasesAndOtherCase_AreMatchedAndReported()
    {
        const string mapping = """{ "format": {}, "columns": [ { "column": "age", "source": "age_years", "aliases": ["Alter", "AGE"] }, { "column": "time", "source": "FOLLOWUP" } ] }""";

        var sut = _fixture.Load(mapping, "AGE,sex,chol,temp,weight,smoker,followup,event\n50,1,200,37,70,0,30,1\n");

        Assert.Equal(1, sut.Data.Count);
        Assert.Equal("field 'AGE' (alias)", sut.Report.Columns["age"].Source);
        Assert.Equal("field 'followup' (matched 'FOLLOWUP' ignoring case)", sut.Report.Columns["time"].Source);
    }

    [Fact]
    public void Load_HeaderlessWithPositions_ReadsByPositionAndChecksFieldCount()
    {
        const string mapping = """
            { "format": { "header": false }, "columns": [
              { "column": "age", "position": 7 }, { "column": "sex", "position": 6 }, { "column": "chol", "position": 5 }, { "column": "temp", "position": 4 },
              { "column": "weight", "position": 3 }, { "column": "smoker", "position": 2 }, { "column": "time", "position": 1 }, { "column": "event", "position": 0 } ] }
            """;

        var sut = _fixture.Load(mapping, "1,30,0,70,37,200,1,50\n0,40,1,80,36.5,180,0\n");

        Assert.Equal(1, sut.Data.Count);
        Assert.Equal(50f, sut.Data.Features[0]);
        Assert.Equal(1, sut.Report.IssueCount(IssueKind.WrongFieldCount));
        Assert.Equal(1, sut.Report.LayoutIssues);
    }

    [Fact]
    public void Load_HeaderlessWithNames_ReportsTheFieldsNoColumnReads()
    {
        const string mapping = """{ "format": { "header": false, "names": ["id", "age", "sex", "chol", "temp", "weight", "smoker", "time", "event", "note"] } }""";

        var sut = _fixture.Load(mapping, "p1,50,1,200,37,70,0,30,1,x\n");

        Assert.Equal(1, sut.Data.Count);
        Assert.Equal(["id", "note"], sut.Report.UnusedFields);
    }

    [Fact]
    public void Load_SemicolonsAndDecimalCommas_ParseAsNumbers()
    {
        const string mapping = """{ "format": { "delimiter": ";", "decimal": "," } }""";

        var sut = _fixture.Load(mapping, "age;sex;chol;temp;weight;smoker;time;event\n50;1;200,5;37,2;70,25;0;30;1\n");

        Assert.Equal([50f, 1, 200.5f, 37.2f, 70.25f], sut.Data.Features);
    }

    [Fact]
    public void Load_Latin1ExportWithRecodedLabels_RecodesAndCounts()
    {
        const string mapping = """{ "format": { "encoding": "latin-1" }, "columns": [ { "column": "sex", "source": "Geschlecht", "recode": { "männlich": "1", "weiblich": "0" } } ] }""";

        var sut = _fixture.Load(mapping, "age,Geschlecht,chol,temp,weight,smoker,time,event\n50,männlich,200,37,70,0,30,1\n60,weiblich,210,37,70,0,40,0\n", Encoding.Latin1);

        Assert.Equal(2, sut.Data.Count);
        Assert.Equal(2, sut.Report.Columns["sex"].Recoded);
        Assert.Equal(1f, sut.Data.Features[1]);
        Assert.Equal(0f, sut.Data.Features[6]);
        Assert.Equal(0, sut.Report.UndecodableLines);
    }

    [Fact]
    public void Load_Latin1ExportReadAsUtf8_SaysTheEncodingLooksWrong()
    {
        const string mapping = """{ "format": {}, "columns": [ { "column": "sex", "recode": { "männlich": "1" } } ] }""";

        var sut = _fixture.Load(mapping, "age,sex,chol,temp,weight,smoker,time,event\n50,männlich,200,37,70,0,30,1\n", Encoding.Latin1);

        Assert.Equal(0, sut.Data.Count);
        Assert.Equal(1, sut.Report.UndecodableLines);
        Assert.Contains(sut.Report.Findings, f => f.Contains("check format.encoding", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    public void Load_ByteOrderMark_IsSkippedAndReported(string encoding)
    {
        var text = encoding == "utf-8" ? (Encoding)new UTF8Encoding(true) : new UnicodeEncoding(false, true);

        var sut = _fixture.Load($$"""{ "format": { "encoding": "{{encoding}}" } }""", "age,sex,chol,temp,weight,smoker,time,event\n50,1,200,37,70,0,30,1\n", text, byteOrderMark: true);

        Assert.Equal(1, sut.Data.Count);
        Assert.NotNull(sut.Report.ByteOrderMark);
        Assert.Equal("field 'age'", sut.Report.Columns["age"].Source);
    }

    [Fact]
    public void Load_ByteOrderMarkAgainstTheDeclaredEncoding_RejectsSayingBoth()
    {
        var sut = _fixture.Load("""{ "format": { "encoding": "latin-1" } }""", "age,sex\n", new UnicodeEncoding(false, true), byteOrderMark: true);

        Assert.True(sut.Report.Rejected);
        Assert.Contains("UTF-16 little-endian byte-order mark", sut.Report.RejectionReason);
        Assert.Contains("'latin-1'", sut.Report.RejectionReason);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void Load_AnyLineEnding_ReadsEveryRow(string newline)
    {
        var csv = string.Join(newline, "age,sex,chol,temp,weight,smoker,time,event", "50,1,200,37,70,0,30,1", "51,0,201,37,71,1,31,0") + newline;

        var sut = _fixture.Load(Plain, csv);

        Assert.Equal(2, sut.Data.Count);
        Assert.Equal(0, sut.Report.LayoutIssues);
    }

    [Fact]
    public void Load_MissingMarkersOfFormatAndColumn_AreBothMissing()
    {
        const string mapping = """{ "format": { "missingMarkers": ["NA"] }, "columns": [ { "column": "smoker", "missingMarkers": ["unknown"] } ] }""";

        var sut = _fixture.Load(mapping, "age,sex,chol,temp,weight,smoker,time,event\n50,1,NA,37,70,unknown,30,1\n51,1,200,37,70,NA,30,1\n52,1,200,37,70,-,30,1\n");

        Assert.Equal(1, sut.Report.Columns["chol"].Missing);
        Assert.Equal(2, sut.Report.Columns["smoker"].Missing);
        Assert.Equal(1, sut.Report.Columns["smoker"].Unparseable);
        Assert.Equal(2, sut.Data.Count);
        Assert.True(double.IsNaN(sut.Table.Column("smoker")[0]));
        Assert.True(double.IsNaN(sut.Table.Column("chol")[0]));
    }

    [Fact]
    public void Load_UnitConversions_ConvertToTheSchemaUnitAndCount()
    {
        const string mapping = """
            { "format": {}, "columns": [ { "column": "chol", "unit": "mmol/L" }, { "column": "temp", "unit": "°F" }, { "column": "weight", "unit": "lb" }, { "column": "time", "unit": "weeks" } ] }
            """;

        var sut = _fixture.Load(mapping, "age,sex,chol,temp,weight,smoker,time,event\n50,1,5.0,98.6,154,0,2,1\n51,1,?,98.6,154,0,2,1\n");

        Assert.Equal(193.325, sut.Table.Column("chol")[0], 1e-9);
        Assert.Equal(37.0, sut.Table.Column("temp")[0], 1e-9);
        Assert.Equal(69.85322498, sut.Table.Column("weight")[0], 1e-7);
        Assert.Equal(14.0, sut.Table.Column("time")[0], 1e-12);
        Assert.Equal(1, sut.Report.Columns["chol"].Converted);
        Assert.Equal(1, sut.Report.Columns["chol"].Unparseable);
        Assert.Equal(2, sut.Report.Columns["temp"].Converted);
        Assert.Contains("mmol/L -> mg/dL (x 38.665)", sut.Report.Columns["chol"].Conversion);
        Assert.Null(sut.Report.Columns["age"].Conversion);
    }

    [Fact]
    public void Load_ConvertedValueOutOfRange_IsCheckedInTheSchemaUnit()
    {
        // 40 mmol/L is 1547 mg/dL: above the schema's 1000.
        var sut = _fixture.Load("""{ "format": {}, "columns": [ { "column": "chol", "unit": "mmol/L" } ] }""", "age,sex,chol,temp,weight,smoker,time,event\n50,1,40,37,70,0,30,1\n");

        Assert.Equal(1, sut.Report.Columns["chol"].OutOfRange);
        Assert.Equal(1, sut.Report.Columns["chol"].Dropped);
    }

    [Fact]
    public void Load_BinnedColumn_CutsRightClosedIntoTheSchemaCodes()
    {
        const string mapping = """{ "format": {}, "derived": [ { "kind": "bin", "column": "sex", "from": "score", "edges": [20], "labels": ["0", "1"] } ] }""";

        var sut = _fixture.Load(mapping, "age,score,chol,temp,weight,smoker,time,event\n50,20,200,37,70,0,30,1\n50,20.5,200,37,70,0,30,1\n50,,200,37,70,0,30,1\n");

        Assert.Equal([0.0, 1.0, double.NaN], sut.Table.Column("sex"));
        Assert.Equal(2, sut.Report.Columns["sex"].Derived);
        Assert.Equal(1, sut.Report.Columns["sex"].Missing);
        Assert.Equal("derived[0]", sut.Report.Columns["sex"].Source);
        Assert.Contains("binned from 'score'", sut.Report.DerivedRules[0]);
    }

    [Fact]
    public void Load_CompositeEndpoint_TakesTheFirstObservedEventElseTheLastTime()
    {
        const string mapping = """
            { "format": {}, "derived": [ { "kind": "composite-endpoint", "time": "time", "event": "event",
              "components": [ { "time": "rtime", "event": "recur" }, { "time": "dtime", "event": "death" } ] } ] }
            """;
        const string csv = "age,sex,chol,temp,weight,smoker,rtime,recur,dtime,death\n"
            + "50,1,200,37,70,0,100,1,300,1\n"   // relapse then death: relapse time, event
            + "50,1,200,37,70,0,250,0,300,1\n"   // death without relapse: death time, event
            + "50,1,200,37,70,0,250,0,300,0\n"   // neither: censored at the death-or-follow-up time
            + "50,1,200,37,70,0,250,2,300,0\n";  // not a 0/1 event: invalid

        var sut = _fixture.Load(mapping, csv);

        Assert.Equal([100.0, 300, 300], sut.Table.Column("time").Take(3));
        Assert.Equal([1.0, 1, 0], sut.Table.Column("event").Take(3));
        Assert.Equal(3, sut.Data.Count);
        Assert.Equal(1, sut.Report.Columns["time"].OutOfRange);
    }

    [Fact]
    public void Load_DaysBetween_CountsDaysAcrossLeapYears()
    {
        const string mapping = """{ "format": {}, "derived": [ { "kind": "days-between", "column": "time", "start": "diagnosed", "end": "last_seen", "dateFormat": "dd.MM.yyyy" } ] }""";

        var sut = _fixture.Load(mapping, "age,sex,chol,temp,weight,smoker,diagnosed,last_seen,event\n50,1,200,37,70,0,28.02.2020,01.03.2021,1\n50,1,200,37,70,0,31.02.2020,01.03.2021,1\n");

        Assert.Equal(367.0, sut.Table.Column("time")[0]);
        Assert.Equal(1, sut.Report.Columns["time"].Unparseable);
        Assert.Equal(1, sut.Data.Count);
    }

    [Fact]
    public void Load_AbsentColumn_IsMissingEverywhereWithoutAnIssuePerLine()
    {
        var sut = _fixture.Load("""{ "format": {}, "columns": [ { "column": "smoker", "absent": true } ] }""", "age,sex,chol,temp,weight,time,event\n50,1,200,37,70,30,1\n");

        Assert.Equal(1, sut.Data.Count);
        Assert.Equal(1, sut.Report.Columns["smoker"].Missing);
        Assert.Empty(sut.Report.Issues);
        Assert.Contains("absent", sut.Report.Columns["smoker"].Source);
    }

    [Fact]
    public void Load_ExportWithoutAMappedField_RejectsNamingFieldAndColumn()
    {
        var sut = _fixture.Load("""{ "format": {}, "columns": [ { "column": "age", "source": "age_years", "aliases": ["Alter"] } ] }""", "age,sex,chol,temp,weight,smoker,time,event\n50,1,200,37,70,0,30,1\n");

        Assert.True(sut.Report.Rejected);
        Assert.Contains("no field 'age_years' or 'Alter' for schema column 'age'", sut.Report.RejectionReason);
    }

    [Fact]
    public void Load_DerivedInputNotInTheExport_RejectsNamingTheRule()
    {
        var sut = _fixture.Load("""{ "format": {}, "derived": [ { "kind": "bin", "column": "sex", "from": "score", "edges": [1], "labels": ["0", "1"] } ] }""", "age,chol,temp,weight,smoker,time,event\n50,200,37,70,0,30,1\n");

        Assert.True(sut.Report.Rejected);
        Assert.Contains("mapping derived[0] reads field 'score'", sut.Report.RejectionReason);
    }

    [Fact]
    public void Report_NeverHoldsARowValue()
    {
        var sut = _fixture.Load("""{ "format": {}, "columns": [ { "column": "chol", "unit": "mmol/L" } ] }""",
            "age,sex,chol,temp,weight,smoker,time,event\n57.31,1,5.123,37.77,71.93,0,3571,1\n999,7,bad,1,1,3,x,5\n");

        var json = CanonicalJson.ToIndentedString(sut.Report) + sut.Report;
        foreach (var value in new[] { "57.31", "5.123", "198.", "37.77", "71.93", "3571", "999", "bad" }) Assert.DoesNotContain(value, json);
    }
}
