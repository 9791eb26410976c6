using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Contribution;

public sealed class CoalitionModelsTests
{
    private sealed class Capture : IRoundObserver
    {
        public List<RoundUpdates> Rounds { get; } = [];

        public void Observe(RoundUpdates round) => Rounds.Add(round);
    }

    private static float[] Build(FedChain.Learning.Plans.TrainingPlan plan, RoundUpdates round, Coalition coalition) =>
        CoalitionModels.Build(plan, RoundPipeline.For(plan).Rule, round.Inputs!, coalition);

    [Theory]
    [InlineData(ServerRuleKind.FedAvg)]
    [InlineData(ServerRuleKind.FedAdam)]
    [InlineData(ServerRuleKind.Scaffold)]
    public void Build_AllParticipants_IsTheRoundsGlobalModelBitForBit_AndNoneThePreviousOne(ServerRuleKind rule)
    {
        var plan = TestPlans.Heart(rule, rounds: 2);
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, Datasets.HeartSplits).Select(s => new SimulatedSite(s)).ToArray();
        var capture = new Capture();
        FederatedSimulation.Run(plan, sites, new SimulationOptions(EvaluateEveryRound: false), observer: capture);

        var round = capture.Rounds[1];
        Assert.Equal(round.GlobalAfter, Build(plan, round, Coalition.All(4)));
        Assert.Equal(round.GlobalBefore, Build(plan, round, Coalition.Empty));
    }

    [Fact]
    public void Build_OneSite_IsWhatThatSiteAloneWouldHaveProduced()
    {
        var plan = TestPlans.Heart(ServerRuleKind.FedAvg, rounds: 1);
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, Datasets.HeartSplits).Select(s => new SimulatedSite(s)).ToArray();
        var capture = new Capture();
        FederatedSimulation.Run(plan, sites, new SimulationOptions(EvaluateEveryRound: false), observer: capture);

        var alone = FederatedSimulation.Run(plan, [sites[2]], new SimulationOptions(EvaluateEveryRound: false));

        var round = capture.Rounds[0];
        Assert.Equal(alone.FinalParameters, Build(plan, round, new Coalition(0b0100)));
    }
}
