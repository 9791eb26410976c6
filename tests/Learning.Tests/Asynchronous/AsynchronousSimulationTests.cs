using FedChain.Learning.Asynchronous;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Pipeline.Stages;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Asynchronous;

/// <summary>Asynchronous plans through the same simulation loop as synchronous ones: the loop runs over an arrival schedule.</summary>
public sealed class AsynchronousSimulationTests
{
    private static readonly IReadOnlyList<SimulatedSite> Sites =
        [.. FederatedPreprocessing.Normalise(Normalisation.Federated, Datasets.HeartSplits).Select(s => new SimulatedSite(s))];

    private static readonly SimulationOptions LastOnly = new(EvaluateEveryRound: false);

    [Fact]
    public void AsyncPlan_WithABufferOfEverySite_AndNoSlowSite_ReachesTheSynchronousBits()
    {
        var plan = TestPlans.Heart(rounds: 3);

        var sut = FederatedSimulation.Run(plan with { Asynchronous = new AsynchronousSettings(BufferSize: 4) }, Sites, LastOnly);

        Assert.Equal(FederatedSimulation.Run(plan, Sites, LastOnly).FinalModelHash, sut.FinalModelHash);
    }

    [Fact]
    public void AsyncPlan_WithASlowSite_ReplaysItsOwnScheduleToTheSameBits_AndWeighsStaleUpdatesDown()
    {
        var plan = TestPlans.Heart(rounds: 8) with { Asynchronous = new AsynchronousSettings(BufferSize: 3) };
        var slow = new SlowSite(Sites[^1].Name, 3);

        var sut = FederatedSimulation.Run(plan, Sites, LastOnly with { Slow = slow });

        Assert.NotNull(sut.Arrivals);
        Assert.Contains(sut.Arrivals!.Windows.SelectMany((w, i) => w.Select(a => a.Staleness(i + 1))), s => s > 0);
        Assert.Equal(sut.FinalModelHash, FederatedSimulation.Run(plan, Sites, LastOnly with { Arrivals = sut.Arrivals }).FinalModelHash);
    }

    [Fact]
    public void StaleArrivals_CountWithTheirStalenessWeight_InTheRoundsSum()
    {
        var plan = TestPlans.Heart(rounds: 8) with { Asynchronous = new AsynchronousSettings(BufferSize: 3) };
        var observer = new Rounds();

        var sut = FederatedSimulation.Run(plan, Sites, LastOnly with { Slow = new SlowSite(Sites[^1].Name, 3) }, observer: observer);

        var windows = sut.Arrivals!.Windows;
        Assert.All(observer.Seen, r =>
        {
            var expected = windows[r.Round - 1].Select((a, j) => a.Staleness(r.Round) == 0 ? r.Updates[j].SampleCount : r.Updates[j].SampleCount * StalenessWeight.Numerator(a.Staleness(r.Round)) >> 16).Sum();
            Assert.Equal(expected, r.Inputs!.Sum.Samples);
        });
        Assert.Contains(observer.Seen, r => r.Inputs!.Sum.Samples < r.Updates.Sum(u => u.SampleCount));
    }

    private sealed class Rounds : IRoundObserver
    {
        public List<RoundUpdates> Seen { get; } = [];

        public void Observe(RoundUpdates round) => Seen.Add(round);
    }

    [Fact]
    public void SlowSite_OnASynchronousPlan_IsRefusedWithTheReason()
    {
        var e = Assert.Throws<ArgumentException>(() => FederatedSimulation.Run(TestPlans.Heart(rounds: 1), Sites, LastOnly with { Slow = new SlowSite(Sites[0].Name, 10) }));

        Assert.Contains("needs an asynchronous plan", e.Message);
    }

    [Fact]
    public void Pipeline_OfAnAsyncPlan_HasTheBufferingStageBeforeTheServerRule()
    {
        var sut = RoundPipeline.For(TestPlans.Heart() with { Asynchronous = new AsynchronousSettings(BufferSize: 2) });

        Assert.IsType<BufferingStage>(sut.Buffering);
        Assert.True(sut.Stages.ToList().IndexOf(sut.Buffering!) < sut.Stages.ToList().IndexOf(sut.Rule));
    }
}
