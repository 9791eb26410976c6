using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Simulation;

public sealed class PrivateSimulationTests
{
    private static SimulationResult Run(double? epsilon)
    {
        var plan = epsilon is { } e ? TestPlans.HeartPrivate(e) : TestPlans.Heart();
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, Datasets.HeartSplits);
        return FederatedSimulation.Run(plan, [.. sites.Select(s => new SimulatedSite(s))], new SimulationOptions(EvaluateEveryRound: false));
    }

    [Fact]
    public void Run_WithDp_SameSeed_SameModelBits_AlsoOnAFreshThread()
    {
        var a = Run(3);
        string? onFreshThread = null;
        var thread = new Thread(() => onFreshThread = Run(3).FinalModelHash);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromMinutes(1)));
        var b = Run(3);

        Assert.Equal(a.FinalModelHash, b.FinalModelHash);
        Assert.Equal(a.FinalModelHash, onFreshThread);
        Assert.NotEqual(Run(null).FinalModelHash, a.FinalModelHash);
    }

    [Fact]
    public void Run_WithDp_RecordsEachMembersEpsilonEveryRound()
    {
        var sut = Run(3);

        Assert.All(sut.Rounds, r => Assert.Equal(sut.Sites, r.Privacy!.Keys));
        Assert.All(sut.Rounds[^1].Privacy!.Values, p => Assert.InRange(p.EpsilonSpent, 2.9, 3.0));
        Assert.All(sut.Rounds[0].Privacy!.Values, p => Assert.True(p.EpsilonSpent < 2.9));
        Assert.Null(Run(null).Rounds[^1].Privacy);
    }
}
