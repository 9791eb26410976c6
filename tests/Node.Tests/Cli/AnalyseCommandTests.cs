using System.Text.Json;
using FedChain.Learning.Analysis.Plans;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class AnalyseCommandTests
{
    private static readonly string Cohorts = RepoPaths.Combine("data", "breast-cancer-rotterdam-gbsg");

    [Fact]
    public async Task Analyse_CohortsFolder_WritesTheContractFilesAndPlots()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse(["analyse", "--plan", Path.Combine(Cohorts, "analysis-plan.json"), "--dataset", Cohorts, "--out", dir.Path]).InvokeAsync();

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("analysis.json")));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        var cox = results["cox-efron"];
        Assert.Equal("cox", cox.GetProperty("kind").GetString());
        var coefficient = cox.GetProperty("coefficients")[0];
        foreach (var field in new[] { "term", "estimate", "std_error", "z", "p", "ci_lower", "ci_upper" }) Assert.True(coefficient.TryGetProperty(field, out _), field);
        var stratum = results["km-by-hormon"].GetProperty("strata")[0];
        Assert.Equal("km", results["km-by-hormon"].GetProperty("kind").GetString());
        foreach (var field in new[] { "name", "times", "survival", "lower", "upper", "n_risk", "n_event" }) Assert.True(stratum.TryGetProperty(field, out _), field);
        var logrank = results["logrank-hormon"];
        Assert.Equal("logrank", logrank.GetProperty("kind").GetString());
        foreach (var field in new[] { "chisq", "df", "p" }) Assert.True(logrank.TryGetProperty(field, out _), field);
        var cell = results["table1"].GetProperty("rows")[0].GetProperty("cells")[0];
        Assert.Equal("table", results["table1"].GetProperty("kind").GetString());
        Assert.False(cell.GetProperty("suppressed").GetBoolean());

        var plan = AnalysisPlan.Load(dir.File("plan.json"));
        Assert.Equal(plan.Hash, json.RootElement.GetProperty("plan_hash").GetString());
        Assert.NotNull(plan.Schema);
        var report = File.ReadAllText(dir.File("report.html"));
        foreach (var image in new[] { "km-km-by-hormon.png", "forest-cox-efron.png" })
        {
            Assert.Contains($"src=\"{image}\"", report);
            Assert.True(new FileInfo(dir.File(image)).Length > 1000, image);
        }
    }

    [Fact]
    public async Task Analyse_HeartByName_SuppressesSmallCellsInTheReport()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse(["analyse", "--plan", RepoPaths.Combine("data", "heart-disease", "analysis-plan.json"), "--dataset", "heart-disease", "--out", dir.Path]).InvokeAsync();

        Assert.Equal(0, exit);
        Assert.Contains("title=\"min-cell-count\">suppressed", File.ReadAllText(dir.File("report.html")));
        Assert.True(File.Exists(dir.File("histogram-age-histogram.png")));
    }

    [Fact]
    public async Task Analyse_PlanWithAnUnknownColumn_ExitsTwo()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("plan.json"), """{ "formatVersion": 1, "disclosure": {}, "analyses": [ { "kind": "cox", "name": "c", "terms": ["tumour"] } ] }""");

        var exit = await FedChainCommandLine.Build().Parse(["analyse", "--plan", dir.File("plan.json"), "--dataset", Cohorts, "--out", dir.File("out")]).InvokeAsync();

        Assert.Equal(InputErrors.ExitCode, exit);
        Assert.False(Directory.Exists(dir.File("out")));
    }
}
