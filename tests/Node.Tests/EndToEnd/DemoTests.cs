using System.Text.Json;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>The README's demo, end to end: chain, governance, four node processes, release, audit, report.</summary>
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
}
