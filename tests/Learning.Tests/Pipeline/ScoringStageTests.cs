using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Pipeline;

public sealed class ScoringStageTests
{
    private sealed class Capture(ContributionRecorder recorder) : IRoundObserver
    {
        public List<RoundUpdates> Rounds { get; } = [];

        public void Observe(RoundUpdates round)
        {
            Rounds.Add(round);
            recorder.Observe(round);
        }
    }

    [Fact]
    public void Report_IsTheReportTheSimulationScoredWith()
    {
        var plan = TestPlans.Heart(ServerRuleKind.FedAvg, rounds: 2) with { Contribution = new ContributionSettings(ContributionMethod.LeaveOneOut) };
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, Datasets.HeartSplits).Select(s => new SimulatedSite(s)).ToArray();
        var recorder = new ContributionRecorder(plan, sites);
        var capture = new Capture(recorder);
        FederatedSimulation.Run(plan, sites, new SimulationOptions(EvaluateEveryRound: false), observer: capture);
        var round = capture.Rounds[1];

        var sut = RoundPipeline.For(plan).Report(round.Inputs!, sites[3].Name, sites[3].Data.Test);

        var scored = recorder.Rounds[1].Reports.Single(r => r.Member == sites[3].Name);
        Assert.Equal(scored.Hash(), sut!.Hash());
        Assert.Equal(6, sut.Utilities.Count);
    }
}
