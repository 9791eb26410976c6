using System.Text.Json;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

/// <summary>The application benches' output files, in the shapes other tools read.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BenchApplicationsCommandTests
{
    [Fact]
    public async Task BenchInfluenza_OneMethod_WritesForecastsForEveryDistrictAndTestWeek()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse([
            "bench", "influenza", "--data", RepoPaths.Combine("data", "influenza-bybw"), "--seeds", "1", "--methods", "federated_loglinear", "--out", dir.Path,
        ]).InvokeAsync();

        Assert.Equal(0, exit);
        var lines = await File.ReadAllLinesAsync(dir.File("forecasts.csv"));
        Assert.Equal("district,year,week,mean,size", lines[0]);
        Assert.Equal(1 + 140 * 104, lines.Length);
        Assert.Equal(["2007", "1"], lines[1].Split(',')[1..3]);
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("results.json")));
        var method = results.RootElement.GetProperty("methods").GetProperty("federated_loglinear");
        Assert.Equal(11, method.GetProperty("per_region").EnumerateObject().Count());
        Assert.True(method.GetProperty("logs").GetDouble() > 0);
        Assert.Equal("federated_loglinear", results.RootElement.GetProperty("chosen").GetString());
        Assert.True(results.RootElement.GetProperty("anchors").TryGetProperty("hhh4", out _));
        Assert.True(File.Exists(dir.File("forecast-BY-1.png")));
    }

    [Fact]
    public async Task BenchTrees_OneSeedWithoutInfluenza_WritesBothMethodsHeadlines()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse([
            "bench", "trees", "--data", RepoPaths.Combine("data", "heart-disease"), "--seeds", "1", "--no-influenza", "--out", dir.Path,
        ]).InvokeAsync();

        Assert.Equal(0, exit);
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("results.json")));
        var methods = results.RootElement.GetProperty("methods");
        foreach (var name in new[] { "lightgbm_pooled", "federated_trees" })
        {
            Assert.InRange(methods.GetProperty(name).GetProperty("headline_mean").GetDouble(), 0.6, 1.0);
            Assert.Equal(4, methods.GetProperty(name).GetProperty("per_center").GetArrayLength());
        }
    }

    [Fact]
    public async Task SimulateBreastCancer_RunsBothSitesThroughThePlan()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse([
            "simulate", "--dataset", "breast-cancer-rotterdam-gbsg", "--data", RepoPaths.Combine("data", "breast-cancer-rotterdam-gbsg"), "--rounds", "2", "--out", dir.Path,
        ]).InvokeAsync();

        Assert.Equal(0, exit);
        using var simulation = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("simulation.json")));
        Assert.Equal(["rotterdam", "gbsg"], simulation.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("\"deep-surv\"", await File.ReadAllTextAsync(dir.File("plan.json")));
    }
}
