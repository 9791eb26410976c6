using System.CommandLine;
using System.Text.Json;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class DataCheckCommandTests
{
    private static readonly string Cohorts = RepoPaths.Combine("data", "breast-cancer-rotterdam-gbsg");
    private static readonly string Heart = RepoPaths.Combine("data", "heart-disease");

    [Theory]
    [InlineData("rotterdam", "size", "derived[0]: composite endpoint")]
    [InlineData("gbsg", "rfs_time", "derived[0]: binned from 'size'")]
    public void Check_EachCohortThroughItsMapping_ExitsZeroAndSaysWhatTheMappingDid(string site, string column, string rule)
    {
        using var dir = new TempDirectory();

        var (exit, output) = Run("data", "check", "--schema", Path.Combine(Cohorts, "schema.json"), "--data", Path.Combine(Cohorts, $"{site}.csv"),
            "--mapping", Path.Combine(Cohorts, $"{site}.mapping.json"), "--json", dir.File("report.json"));

        Assert.Equal(0, exit);
        Assert.Contains(rule, output);
        Assert.Contains(output.Split('\n'), l => l.StartsWith(column, StringComparison.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("report.json")));
        Assert.False(json.RootElement.GetProperty("rejected").GetBoolean());
        Assert.True(json.RootElement.GetProperty("columns").GetProperty("size").TryGetProperty("recoded", out _));
    }

    [Fact]
    public void Check_HeaderlessFileWithoutItsMapping_ExitsOneNamingTheMissingFields()
    {
        var (exit, output) = Run("data", "check", "--schema", Path.Combine(Heart, "schema.json"), "--data", Path.Combine(Heart, "processed.va.data"));

        Assert.Equal(DataCheckCommand.LayoutProblem, exit);
        Assert.Contains("REJECTED: the export has no field 'age'", output);
    }

    [Fact]
    public void Check_BadValuesOnly_ExitsZeroAndReportsTheDroppedRows()
    {
        var (exit, output) = Run("data", "check", "--schema", Path.Combine(Heart, "schema.json"), "--data", Path.Combine(Heart, "processed.switzerland.data"),
            "--mapping", Path.Combine(Heart, "uci-processed.mapping.json"));

        Assert.Equal(0, exit);
        Assert.Contains("123 rows read, 46 kept, 77 dropped", output);
    }

    [Fact]
    public void Check_TruncatedLine_ExitsOneAsALayoutProblem()
    {
        using var dir = new TempDirectory();
        File.WriteAllLines(dir.File("short.data"), [.. File.ReadLines(Path.Combine(Heart, "processed.cleveland.data")).Take(5), "63.0,1.0,1.0"]);

        var (exit, output) = Run("data", "check", "--schema", Path.Combine(Heart, "schema.json"), "--data", dir.File("short.data"),
            "--mapping", Path.Combine(Heart, "uci-processed.mapping.json"));

        Assert.Equal(DataCheckCommand.LayoutProblem, exit);
        Assert.Contains("1 line(s) lost to the layout", output);
    }

    [Fact]
    public void Check_MappingOfAnUnknownColumn_ExitsTwo()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.mapping.json"), """{ "format": {}, "columns": [ { "column": "tumour_size" } ] }""");

        var (exit, _) = Run("data", "check", "--schema", Path.Combine(Cohorts, "schema.json"), "--data", Path.Combine(Cohorts, "gbsg.csv"), "--mapping", dir.File("bad.mapping.json"));

        Assert.Equal(InputErrors.ExitCode, exit);
    }

    private static (int Exit, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var exit = FedChainCommandLine.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });
        return (exit, output.ToString());
    }
}
