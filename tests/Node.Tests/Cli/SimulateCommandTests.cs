using System.Text;
using System.Text.Json;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class SimulateCommandTests
{
    private static readonly string HeartFolder = RepoPaths.Combine("data", "heart-disease");

    [Fact]
    public void Parse_UnknownStrategy_ReportsTheAllowedNames()
    {
        var result = FedChainCommandLine.Build().Parse(["simulate", "--dataset", "heart-disease", "--strategy", "fedmagic", "--out", "x"]);

        var error = Assert.Single(result.Errors);
        Assert.Contains("fed-adam", error.Message);
    }

    [Fact]
    public async Task Simulate_WritesPlanAndAFinalModelThatTheSamePlanReproduces()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse([
            "simulate", "--dataset", "heart-disease", "--data", HeartFolder, "--strategy", "scaffold",
            "--rounds", "2", "--local-steps", "5", "--normalisation", "federated", "--seed", "7", "--out", dir.Path,
        ]).InvokeAsync();

        Assert.Equal(0, exit);
        foreach (var file in new[] { "plan.json", "simulation.json", "validation.json", "rounds.png" }) Assert.True(File.Exists(dir.File(file)), file);

        // A later run (the network, in issue 6) reads plan.json and must reach the hash in simulation.json.
        var plan = TrainingPlan.Parse(await File.ReadAllTextAsync(dir.File("plan.json"), Encoding.UTF8), "plan.json");
        var sites = SiteManifest.Load(Path.Combine(HeartFolder, "sites.json")).Ingest(plan.Schema)
            .Select(s => TrainTestSplit.Apply(plan.Schema, s.Data)).ToArray();
        var again = FederatedSimulation.Run(plan, [.. FederatedPreprocessing.Normalise(plan.Normalisation, sites).Select(s => new SimulatedSite(s))]);

        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("simulation.json")));
        Assert.Equal(again.FinalModelHash, written.RootElement.GetProperty("finalModelHash").GetString());
        Assert.Equal(plan.Hash, written.RootElement.GetProperty("planHash").GetString());
        Assert.Equal(2, written.RootElement.GetProperty("rounds").GetArrayLength());
        Assert.Equal(7, plan.Seed);
    }

    [Fact]
    public async Task Simulate_WithMisbehavingSites_WritesContributionsPerRoundAndInTotal()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse([
            "simulate", "--dataset", "heart-disease", "--data", HeartFolder, "--rounds", "2", "--local-steps", "5",
            "--free-riders", "1", "--noisy", "1", "--label-flip", "1", "--out", dir.Path,
        ]).InvokeAsync();

        Assert.Equal(0, exit);
        Assert.True(File.Exists(dir.File("contributions.png")));
        var plan = TrainingPlan.Parse(await File.ReadAllTextAsync(dir.File("plan.json"), Encoding.UTF8), "plan.json");
        Assert.Equal(ContributionMethod.ExactShapley, plan.Contribution?.Method);
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("contributions.json")));
        var totals = written.RootElement.GetProperty("totals").EnumerateArray().ToArray();
        Assert.Equal(["cleveland", "hungary", "switzerland", "va", "free-rider-1", "noisy-1", "label-flip-1"], totals.Select(t => t.GetProperty("member").GetString()));
        var rounds = written.RootElement.GetProperty("rounds").EnumerateArray().ToArray();
        Assert.Equal(2, rounds.Length);
        foreach (var round in rounds)
        {
            // The recorded hash is the hash of the recorded vector, so an auditor can check one against the other.
            var recomputed = new RoundScores(
                plan.Hash, round.GetProperty("round").GetInt32(), ContributionMethod.ExactShapley,
                [.. round.GetProperty("members").EnumerateArray().Select(m => m.GetString()!)],
                [.. round.GetProperty("scores").EnumerateArray().Select(v => v.GetInt64())], null, null, [], []);
            Assert.Equal(recomputed.Hash(), round.GetProperty("scoresHash").GetString());
        }

        for (var m = 0; m < totals.Length; m++)
        {
            Assert.Equal(rounds.Sum(r => r.GetProperty("scores")[m].GetInt64()), totals[m].GetProperty("score").GetInt64());
        }
    }

    [Fact]
    public async Task Simulate_MissingDataFolder_FailsNamingIt()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse(["simulate", "--dataset", "heart-disease", "--data", dir.File("nowhere"), "--out", dir.Path]).InvokeAsync();

        Assert.Equal(InputErrors.ExitCode, exit);
    }
}
