using FedChain.Learning.Data.Schema;
using FedChain.Learning.Models;
using FedChain.Learning.Tests.Support;
using FedChain.Learning.Training;

namespace FedChain.Learning.Tests.Training;

public sealed class LocalTrainerTests
{
    private static readonly LinearModel Model = new(4);
    private static readonly float[] Start = Model.InitialParameters(new Random(3));

    [Fact]
    public void Train_SameInputsAndSeed_SameBits()
    {
        var data = Datasets.Synthetic("a", 64, 4, 1);
        var options = new LocalTrainingOptions(ClientOptimizer.Adam, 0.05, LocalSteps: 30, BatchSize: 8);

        var a = LocalTrainer.Train(Model, TaskKind.Binary, Start, data, options, new Random(9));
        var b = LocalTrainer.Train(Model, TaskKind.Binary, Start, data, options, new Random(9));

        Assert.Equal(a.Parameters, b.Parameters);
        Assert.Equal(30, a.Steps);
    }

    [Fact]
    public void Train_OnASignal_LearnsItsSigns()
    {
        var data = Datasets.Synthetic("a", 400, 4, 2);

        var sut = LocalTrainer.Train(Model, TaskKind.Binary, Start, data, new LocalTrainingOptions(ClientOptimizer.Sgd, 0.5, LocalEpochs: 20, BatchSize: 16), new Random(1));

        // The generator uses +1.5 on even features and -1 on odd ones.
        Assert.True(sut.Parameters[0] > 0.5 && sut.Parameters[2] > 0.5, string.Join(",", sut.Parameters));
        Assert.True(sut.Parameters[1] < -0.3 && sut.Parameters[3] < -0.3, string.Join(",", sut.Parameters));
    }

    [Fact]
    public void Train_WithProximalTerm_StaysCloserToTheGlobalModel()
    {
        var data = Datasets.Synthetic("a", 100, 4, 3);
        var options = new LocalTrainingOptions(ClientOptimizer.Sgd, 0.1, LocalSteps: 50, BatchSize: 10);

        var free = LocalTrainer.Train(Model, TaskKind.Binary, Start, data, options, new Random(4));
        var proximal = LocalTrainer.Train(Model, TaskKind.Binary, Start, data, options with { ProximalMu = 5 }, new Random(4));

        static double Distance(float[] a, float[] b) => Math.Sqrt(a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum());
        Assert.True(Distance(proximal.Parameters, Start) < 0.5 * Distance(free.Parameters, Start));
    }

    [Fact]
    public void Train_GradientCorrection_ShiftsEachSgdStepByLearningRateTimesCorrection()
    {
        // Full batch, one step: w1 = w0 - lr * (g + correction), so the corrected run differs by exactly -lr * correction.
        var data = Datasets.Synthetic("a", 32, 4, 5);
        var options = new LocalTrainingOptions(ClientOptimizer.Sgd, 0.1, LocalSteps: 1, BatchSize: 0);
        float[] correction = [1f, -2f, 0f, 0.5f, 3f];

        var plain = LocalTrainer.Train(Model, TaskKind.Binary, Start, data, options, new Random(1));
        var corrected = LocalTrainer.Train(Model, TaskKind.Binary, Start, data, options, new Random(1), correction);

        for (var i = 0; i < correction.Length; i++) Assert.Equal(plain.Parameters[i] - 0.1 * correction[i], corrected.Parameters[i], 1e-6);
    }

    [Fact]
    public void Options_Invalid_NameTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => new LocalTrainingOptions(LearningRate: -1).Validate());

        Assert.Contains("learningRate", error.Message);
    }
}
