using System.Text.Json;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>The README's demo, end to end: chain, governance, a node process per institution, release, audit, report; on heart disease and on the two breast-cancer cohorts.</summary>
[Collection(ConsortiumCollection.Name)]
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_TwoRounds_EveryNodeHoldsTheSimulatedModelAndTheAuditPasses()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse(["demo", "--rounds", "2", "--out", dir.Path, "--data", HeartConsortium.Folder]).InvokeAsync();

        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(File.ReadAllText(dir.File("report.json")));
        var root = report.RootElement;
        var hashes = root.GetProperty("final_model_hashes").EnumerateObject().Select(p => p.Value.GetString()).ToList();
        Assert.Equal(4, hashes.Count);
        // Bit identity: four processes, one model, and it is the one-process simulation's.
        Assert.Single(hashes.Distinct());
        Assert.Equal(root.GetProperty("simulated_model_hash").GetString(), hashes[0]);
        Assert.Equal(root.GetProperty("finalised_model_hash").GetString(), hashes[0]);
        Assert.True(root.GetProperty("audit").GetProperty("ok").GetBoolean());
        Assert.Equal(3, root.GetProperty("audit").GetProperty("rounds_checked").GetInt32());
        Assert.Equal(2, root.GetProperty("rounds").GetInt32());
        Assert.True(root.GetProperty("gas_total").GetInt64() > 0);
        Assert.Equal(2, root.GetProperty("metrics").GetProperty("per_round").GetArrayLength());
        foreach (var file in new[] { "report.html", "accuracy.png", "overhead.png", "gas.png", "plan.json" }) Assert.True(File.Exists(dir.File(file)), file);
    }

    [Fact]
    public async Task Demo_BreastCancerCohorts_TwoNodesReadThroughTheirMappings_HoldTheSimulatedDeepSurvModel()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse(["demo", "--dataset", "breast-cancer-rotterdam-gbsg", "--rounds", "2", "--out", dir.Path,
            "--data", RepoPaths.Combine("data", "breast-cancer-rotterdam-gbsg")]).InvokeAsync();

        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(File.ReadAllText(dir.File("report.json")));
        var root = report.RootElement;
        var hashes = root.GetProperty("final_model_hashes").EnumerateObject().Select(p => p.Value.GetString()).ToList();
        Assert.Equal(2, hashes.Count);
        Assert.Single(hashes.Distinct());
        Assert.Equal(root.GetProperty("simulated_model_hash").GetString(), hashes[0]);
        Assert.True(root.GetProperty("audit").GetProperty("ok").GetBoolean());
        Assert.Equal("C-index", root.GetProperty("metric").GetString());
        var final = root.GetProperty("metrics").GetProperty("final");
        Assert.Equal(["gbsg", "rotterdam"], final.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(final.EnumerateObject(), site => Assert.InRange(site.Value.GetProperty("c_index").GetDouble(), 0.5, 1));
    }
}
