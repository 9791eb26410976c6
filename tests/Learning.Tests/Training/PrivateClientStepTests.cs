using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Privacy.Accounting;
using FedChain.Learning.Privacy.DpSgd;
using FedChain.Learning.Tests.Support;
using FedChain.Learning.Training;

namespace FedChain.Learning.Tests.Training;

/// <summary>ClientStep with the plan's privacy section: DP-SGD under the member's budget.</summary>
public sealed class PrivateClientStepTests
{
    private static readonly SiteSplit[] Sites = [.. FederatedPreprocessing.Normalise(Normalisation.Federated, Datasets.HeartSplits)];

    [Fact]
    public void Run_WithDp_IsNDeclaredTimesTheDpSgdStep()
    {
        var site = Sites[1].Train;
        var declared = site.Count + 37;
        var plan = TestPlans.Heart() with { Privacy = TestPlans.DpSettings(3, [(site.Site, declared)]) };
        var global = plan.InitialParameters();

        var sut = ClientStep.Run(plan, global, null, site, 1, ClientState.Initial, new SeededNoiseSource(5));

        var dp = MemberDpSgd.For(plan, site.Site);
        var local = PrivateLocalTrainer.Train(plan.Architecture(), PerSampleLoss.BinaryCrossEntropyWithLogits, global, site, plan.Client,
            dp.Options, dp.StepsPerRound, dp.Budget(null), new SeededNoiseSource(5), null);
        Assert.Equal(declared, sut.SampleCount);
        for (var i = 0; i < global.Length; i++) Assert.Equal(declared * (local.Parameters[i] - global[i]), sut.Vector[i]);
        Assert.True(double.IsNaN(sut.MeanLoss), "a DP client reports no training loss");
    }

    [Fact]
    public void Run_WithDp_CountAndWeightDoNotFollowTheCurrentRecords()
    {
        var plan = TestPlans.HeartPrivate(3);
        var site = Sites[0].Train;
        var oneLess = site with { Features = site.Features[..^site.FeatureCount], Labels = site.Labels![..^1] };

        var all = ClientStep.RunSimulated(plan, plan.InitialParameters(), null, site, 1, ClientState.Initial);
        var fewer = ClientStep.RunSimulated(plan, plan.InitialParameters(), null, oneLess, 1, ClientState.Initial);

        Assert.Equal(all.SampleCount, fewer.SampleCount);
        Assert.Equal(all.Privacy, fewer.Privacy);
    }

    [Fact]
    public void RunSimulated_SameInputs_SameBits_OtherRound_OtherNoise()
    {
        var plan = TestPlans.HeartPrivate(3);
        var site = Sites[2].Train;
        var global = plan.InitialParameters();

        var a = ClientStep.RunSimulated(plan, global, null, site, 1, ClientState.Initial);
        var b = ClientStep.RunSimulated(plan, global, null, site, 1, ClientState.Initial);
        var c = ClientStep.RunSimulated(plan, global, null, site, 2, ClientState.Initial);

        Assert.Equal(a.Vector, b.Vector);
        Assert.NotEqual(a.Vector, c.Vector);
    }

    [Fact]
    public void Run_EveryPlannedRound_SpendsUpToTheBudget_ThenRefusesTyped()
    {
        var plan = TestPlans.HeartPrivate(2);
        var site = Sites[3].Train;
        var global = plan.InitialParameters();
        var state = ClientState.Initial;
        var increments = 0.0;
        var previous = 0.0;
        for (var round = 1; round <= plan.Rounds; round++)
        {
            var update = ClientStep.RunSimulated(plan, global, null, site, round, state);
            var spent = update.Privacy!;
            Assert.True(spent.EpsilonSpent > previous, $"round {round} spent nothing");
            Assert.Equal(plan.Client.LocalSteps, spent.Steps);
            increments += spent.EpsilonThisRound;
            previous = spent.EpsilonSpent;
            state = update.State;
        }

        // The noise was derived for exactly the plan's steps: the last round lands just under the budget.
        Assert.InRange(previous, 1.98, 2.0);
        Assert.Equal(previous, increments, 9);
        Assert.Equal(MemberDpSgd.For(plan, site.Site).PlannedEpsilon, previous, 12);
        var error = Assert.Throws<PrivacyBudgetExhaustedException>(() => ClientStep.RunSimulated(plan, global, null, site, plan.Rounds + 1, state));
        Assert.Contains($"member '{site.Site}', round {plan.Rounds + 1}", error.Message);
        Assert.Contains("Nothing was trained", error.Message);
    }

    [Fact]
    public void Run_ReplayedHistory_RefusesLikeTheLiveOne()
    {
        // A node that restarts rebuilds its state from the stored (q, sigma, steps) history.
        var plan = TestPlans.HeartPrivate(2);
        var site = Sites[3].Train;
        var dp = MemberDpSgd.For(plan, site.Site);
        var replayed = new ClientState(PrivacySpent: [new SampledGaussianSteps(dp.Options.SampleRate, dp.Options.NoiseMultiplier, dp.PlannedSteps)]);

        Assert.Throws<PrivacyBudgetExhaustedException>(() => ClientStep.RunSimulated(plan, plan.InitialParameters(), null, site, 1, replayed));
    }

    [Fact]
    public void Run_MlpWithDp_TrainsEveryLayer()
    {
        var plan = TestPlans.HeartPrivate(8, model: new ModelSpec(ModelKind.Mlp, [8]));
        var global = plan.InitialParameters();

        var sut = ClientStep.RunSimulated(plan, global, null, Sites[0].Train, 1, ClientState.Initial);

        Assert.Equal(plan.ParameterCount, sut.Vector.Length);
        Assert.All(sut.Vector, v => Assert.True(float.IsFinite(v)));
        // Both layers moved: the first layer's weights and the output layer's.
        Assert.Contains(sut.Vector[..(13 * 8)], v => v != 0);
        Assert.Contains(sut.Vector[^9..], v => v != 0);
    }
}
