using FedChain.Learning.Data;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Support;
using FedChain.Learning.Training;

namespace FedChain.Learning.Tests.Simulation;

/// <summary>
/// FedAvg with one full-batch local step per round and equal learning rates is gradient descent on
/// the pooled data: sum_i n_i * (-lr * g_i) / N = -lr * g_pooled, because each g_i is a mean over n_i rows.
/// </summary>
public sealed class ExactnessTests
{
    private const int Rounds = 10;
    private static readonly LocalTrainingOptions OneFullBatchStep = new(ClientOptimizer.Sgd, 0.1, LocalSteps: 1, BatchSize: 0);

    [Theory]
    [InlineData(false, 0)] // the float path
    [InlineData(true, 20)] // the network's fixed-point path, 20 fractional bits
    public void FedAvg_OneFullBatchStep_EqualsCentralisedGradientDescent(bool quantised, int bits)
    {
        var plan = TestPlans.Heart(rounds: Rounds, client: OneFullBatchStep, bits: quantised ? bits : 16);
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, Datasets.HeartSplits);

        var federated = FederatedSimulation.Run(plan, [.. sites.Select(s => new SimulatedSite(s))], new SimulationOptions(quantised, EvaluateEveryRound: false));

        var pooled = SiteDataset.Concat("pooled", [.. sites.Select(s => s.Train)]);
        var centralised = LocalTrainer.Train(plan.Architecture(), plan.Schema.Task.Kind, plan.InitialParameters(), pooled,
            OneFullBatchStep with { LocalSteps = Rounds }, new Random(0));

        var worst = federated.FinalParameters.Zip(centralised.Parameters, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1e-6, $"largest difference {worst}");
        Assert.True(centralised.Parameters.Zip(plan.InitialParameters(), (a, b) => Math.Abs(a - b)).Max() > 1e-2, "the model should have moved");
    }
}
