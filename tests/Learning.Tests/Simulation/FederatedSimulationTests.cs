using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Simulation;

public sealed class FederatedSimulationTests
{
    private static SimulationResult Run(ServerRuleKind rule, bool quantised = true)
    {
        var plan = TestPlans.Heart(rule);
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, Datasets.HeartSplits);
        return FederatedSimulation.Run(plan, [.. sites.Select(s => new SimulatedSite(s))], new SimulationOptions(quantised));
    }

    [Theory]
    [InlineData(ServerRuleKind.FedAvg)]
    [InlineData(ServerRuleKind.Scaffold)]
    [InlineData(ServerRuleKind.FedYogi)]
    public void Run_SamePlanTwice_GivesTheSameModelBits(ServerRuleKind rule)
    {
        var a = Run(rule);
        var b = Run(rule);

        Assert.Equal(a.FinalParameters, b.FinalParameters);
        Assert.Equal(a.FinalModelHash, b.FinalModelHash);
        Assert.Equal(a.Rounds.Select(r => r.ModelHash), b.Rounds.Select(r => r.ModelHash));
    }

    [Fact]
    public void Run_OnFreshThreads_GivesTheSameModelBits()
    {
        // libtorch's thread count is per thread: a fresh thread must be set to one intra-op thread too.
        static string OnNewThread()
        {
            string? hash = null;
            var thread = new Thread(() => hash = Run(ServerRuleKind.Scaffold).FinalModelHash);
            thread.Start();
            Assert.True(thread.Join(TimeSpan.FromMinutes(1)));
            return hash!;
        }

        Assert.Equal(OnNewThread(), OnNewThread());
        Assert.Equal(Run(ServerRuleKind.Scaffold).FinalModelHash, OnNewThread());
    }

    [Fact]
    public void Run_QuantisedPath_StaysWithinRoundingOfTheFloatPath()
    {
        var quantised = Run(ServerRuleKind.FedAvg);
        var exact = Run(ServerRuleKind.FedAvg, quantised: false);

        Assert.NotEqual(quantised.FinalModelHash, exact.FinalModelHash);
        Assert.True(quantised.FinalParameters.Zip(exact.FinalParameters, (a, b) => Math.Abs(a - b)).Max() < 1e-4);
    }

    [Fact]
    public void Run_RecordsEveryRoundWithPerSiteAndPooledMetrics()
    {
        var sut = Run(ServerRuleKind.FedAvg);

        Assert.Equal([1, 2, 3], sut.Rounds.Select(r => r.Round));
        var last = sut.Rounds[^1];
        Assert.Equal(["cleveland", "hungary", "switzerland", "va"], last.PerSite!.Keys);
        Assert.Equal(254, last.Pooled!.Rows);
        Assert.InRange(last.Headline!.Value, 0.5, 1.0);
        Assert.Equal(0, last.ClippedCoordinates);
    }
}
