using FedChain.Learning.Aggregation;
using FedChain.Learning.Randomness;
using FedChain.Learning.Tests.Support;
using FedChain.Learning.Training;

namespace FedChain.Learning.Tests.Training;

public sealed class ClientStepTests
{
    [Fact]
    public void Run_UpdateIsSampleCountTimesLocalMinusGlobal()
    {
        var plan = TestPlans.Heart();
        var site = Datasets.HeartSplits[2].Train;
        var global = plan.InitialParameters();

        var sut = ClientStep.Run(plan, global, null, site, 1, ClientState.Initial);

        var local = LocalTrainer.Train(plan.Architecture(), plan.Schema.Task.Kind, global, site, plan.Client, DerivedSeed.Random(plan.Seed, "batches", 1, site.Site));
        Assert.Equal(site.Count, sut.SampleCount);
        Assert.Equal(plan.ParameterCount, sut.Vector.Length);
        for (var i = 0; i < global.Length; i++) Assert.Equal(site.Count * (local.Parameters[i] - global[i]), sut.Vector[i]);
    }

    [Fact]
    public void Run_Scaffold_AppendsControlDeltaAndKeepsTheNewControl()
    {
        var plan = TestPlans.Heart(ServerRuleKind.Scaffold);
        var site = Datasets.HeartSplits[0].Train;
        var global = plan.InitialParameters();
        var p = plan.ParameterCount;

        var sut = ClientStep.Run(plan, global, new float[p], site, 1, ClientState.Initial);

        Assert.Equal(2 * p, sut.Vector.Length);
        // From c = c_i = 0: c_i+ = (x - y_i) / (K * lr), and y_i - x = delta / n.
        var steps = plan.Client.LocalSteps * plan.Client.LearningRate;
        for (var i = 0; i < p; i++)
        {
            Assert.Equal(-sut.Vector[i] / site.Count / steps, sut.State.Control![i], 1e-3);
            Assert.Equal(site.Count * sut.State.Control[i], sut.Vector[p + i], 1e-3);
        }
    }

    [Fact]
    public void Run_DifferentRounds_DrawDifferentBatches()
    {
        var plan = TestPlans.Heart();
        var site = Datasets.HeartSplits[1].Train;
        var global = plan.InitialParameters();

        var a = ClientStep.Run(plan, global, null, site, 1, ClientState.Initial);
        var b = ClientStep.Run(plan, global, null, site, 2, ClientState.Initial);

        Assert.NotEqual(a.Vector, b.Vector);
    }
}
