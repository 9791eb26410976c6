using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Personalisation;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Node.Demo;
using FedChain.Node.Rounds;
using FedChain.Node.Tests.EndToEnd;
using FedChain.Node.Tests.Support;

namespace FedChain.Node.Tests.Rounds;

/// <summary>Transfer in the round machine, in one process (<see cref="InProcessConsortium"/>): a plan that starts from an earlier plan's release.</summary>
[Collection(InProcessCollection.Name)]
public sealed class StartingModelTests
{
    [Fact]
    public async Task PlanStartingFromAnEarlierRelease_StartsFromItsBits_FineTunesPersonalModels_AndEqualsSimulate()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        var first = DemoPlan.HeartDisease(HeartConsortium.Schema, rounds: 1, seed: 46) with { Contribution = null };
        await using var run = await InProcessConsortium.StartAsync([first], ct);
        var firstId = (await run.StartPlansAsync([first], ct))[0];
        await run.WhenDoneAsync(run.Nodes, ct);
        var released = run.Nodes[0].Member.ReadResult(firstId).FinalModelHash;
        await run.Consortium.ReleaseAsync(firstId, ct);

        // The next plan names the release; its nodes (restarted: they exit once their plans are done) read the bits from their own state.
        var second = DemoPlan.HeartDisease(HeartConsortium.Schema, rounds: 1, seed: 47) with
        {
            Contribution = null,
            StartFrom = new ReleasedModel(firstId.ToString(), released),
            Personalisation = new PersonalisationSettings(PersonalisationMethod.FineTune),
        };
        run.Consortium.OfferPlan(run.Nodes[1].Member, second);
        foreach (var node in run.Nodes) await node.StartAsync(ct);
        var secondId = (await run.StartPlansAsync([second], ct))[0];
        await run.WhenDoneAsync(run.Nodes, ct);

        var results = run.Nodes.Select(n => n.Member.ReadResult(secondId)).ToList();
        var (_, ledger) = await run.ReplayAsync(ct);
        Assert.Equal(Convert.ToHexStringLower(ledger.Plans[firstId].ReleasedModel!), released);
        var releasedBits = StartingModel.Parse(File.ReadAllBytes(run.Nodes[0].Member.ReadResult(firstId).FinalModelFile));
        Assert.Equal(Simulate(second.WithStartingModel(releasedBits)), results[0].FinalModelHash);
        Assert.All(results, r => Assert.Equal(results[0].FinalModelHash, r.FinalModelHash));
        Assert.All(results, r => Assert.NotNull(r.Rounds[^1].PersonalMetrics));
        Assert.Empty((await run.AuditAsync(run.Nodes[0].Member, ct)).Findings);
    }

    private static string Simulate(TrainingPlan plan)
    {
        var splits = HeartConsortium.Sites.Select(s => TrainTestSplit.Apply(plan.Schema, Learning.Data.Ingestion.CsvIngestion.Load(plan.Schema, s).Data)).ToList();
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, splits).Select(s => new SimulatedSite(s)).ToList();
        return FederatedSimulation.Run(plan, sites, new SimulationOptions(EvaluateEveryRound: false)).FinalModelHash;
    }
}
