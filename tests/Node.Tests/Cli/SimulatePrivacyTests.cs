using System.Text;
using System.Text.Json;
using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class SimulatePrivacyTests
{
    private static readonly string HeartFolder = RepoPaths.Combine("data", "heart-disease");

    [Fact]
    public async Task Simulate_WithDp_WritesEachMembersEpsilonPerRound_AndThePlanReproducesIt()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse([
            "simulate", "--dataset", "heart-disease", "--data", HeartFolder, "--strategy", "fed-avg", "--rounds", "2", "--local-steps", "5",
            "--normalisation", "federated", "--dp-epsilon", "3", "--dp-clip-norm", "2", "--out", dir.Path,
        ]).InvokeAsync();

        Assert.Equal(0, exit);
        Assert.True(File.Exists(dir.File("epsilon.png")));
        var plan = TrainingPlan.Parse(await File.ReadAllTextAsync(dir.File("plan.json"), Encoding.UTF8), "plan.json");
        var sites = SiteManifest.Load(Path.Combine(HeartFolder, "sites.json")).Ingest(plan.Schema)
            .Select(s => TrainTestSplit.Apply(plan.Schema, s.Data)).ToArray();
        Assert.Equal(sites.Select(s => (s.Train.Site, (long)s.Train.Count)), plan.Privacy!.DeclaredCounts.Select(d => (d.Member, d.Records)));
        Assert.Equal(2, plan.Privacy.ClipNorm);

        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("simulation.json")));
        var rounds = written.RootElement.GetProperty("rounds");
        foreach (var site in sites.Select(s => s.Train.Site))
        {
            var first = rounds[0].GetProperty("privacy").GetProperty(site).GetProperty("epsilonSpent").GetDouble();
            var last = rounds[1].GetProperty("privacy").GetProperty(site).GetProperty("epsilonSpent").GetDouble();
            Assert.True(first < last, $"{site}: {first} then {last}");
            Assert.InRange(last, 2.97, 3.0);
        }

        var again = FederatedSimulation.Run(plan, [.. FederatedPreprocessing.Normalise(plan.Normalisation, sites).Select(s => new SimulatedSite(s))]);
        Assert.Equal(again.FinalModelHash, written.RootElement.GetProperty("finalModelHash").GetString());
    }

    [Fact]
    public void Parse_NegativeEpsilon_ErrorNamesTheOption()
    {
        var result = FedChainCommandLine.Build().Parse(["simulate", "--dataset", "heart-disease", "--dp-epsilon", "-1", "--out", "x"]);

        Assert.Contains(result.Errors, e => e.Message.Contains("--dp-epsilon must be > 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Simulate_DpOptionWithoutEpsilon_IsRefusedAsBadInput()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse(["simulate", "--dataset", "heart-disease", "--data", HeartFolder, "--dp-clip-norm", "2", "--out", dir.Path]).InvokeAsync();

        Assert.Equal(InputErrors.ExitCode, exit);
        Assert.False(File.Exists(dir.File("plan.json")));
    }
}
