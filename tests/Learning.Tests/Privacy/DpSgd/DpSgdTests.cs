using FedChain.Learning.Privacy.Accounting;
using FedChain.Learning.Privacy.DpSgd;
using static TorchSharp.torch;

namespace FedChain.Learning.Tests.Privacy.DpSgd;

public sealed class DpSgdTests
{
    [Fact]
    public void ComputeGradients_ZeroGradients_NoiseStandardDeviationIsWhatTheAccountantAssumed()
    {
        // Inputs of zero through a bias-free layer give every record a zero gradient, so the private
        // gradient is exactly noise / (q N): its standard deviation times q N / C is the noise multiplier
        // the step actually used. 100,000 coordinates estimate a standard deviation to 0.22% (one standard
        // error, 1/sqrt(2n)); the tolerance of 1% is 4.5 standard errors.
        const int records = 400;
        var options = new DpSgdOptions { ClipNorm = 0.7, NoiseMultiplier = 1.3, SampleRate = 0.05 };
        var budget = new PrivacyBudget(epsilon: 10, delta: 1e-5);
        var model = nn.Sequential(("linear", nn.Linear(500, 200, hasBias: false)));
        var sut = new Learning.Privacy.DpSgd.DpSgd(model, PerSampleLoss.SquaredError, options, budget, new SeededNoiseSource(5));

        var step = sut.ComputeGradients(zeros(records, 500), zeros(records, 200));

        var gradient = model.parameters().Single().grad!.to_type(ScalarType.Float64).flatten();
        var scaled = gradient * (options.SampleRate * records / options.ClipNorm);
        var measuredSigma = scaled.std().item<double>();
        var assumed = Assert.Single(budget.Accountant.History);
        Assert.Equal(assumed.NoiseMultiplier, measuredSigma, assumed.NoiseMultiplier * 0.01);
        Assert.Equal(options.SampleRate, assumed.SampleRate);
        // Centred, and Gaussian in shape: 68.27% within one sigma (standard error 0.15%; tolerance 0.5%).
        Assert.InRange(scaled.mean().item<double>(), -4 * measuredSigma / Math.Sqrt(1e5), 4 * measuredSigma / Math.Sqrt(1e5));
        var withinOneSigma = (scaled.abs() < assumed.NoiseMultiplier).to_type(ScalarType.Float64).mean().item<double>();
        Assert.InRange(withinOneSigma, 0.6827 - 0.005, 0.6827 + 0.005);
        Assert.Equal(budget.Spent, step.Spent);
    }

    [Fact]
    public void ComputeGradients_PoissonSampling_DrawsTheExpectedBatchSizeOnAverage()
    {
        // 200 steps of Binomial(1000, 0.02): mean 20, standard error of the mean sqrt(19.6 / 200) = 0.31;
        // tolerance 1.5 (about 5 standard errors).
        var (model, x, y, loss) = PerSampleGradientsTests.Setup("logistic");
        var wide = cat(Enumerable.Repeat(x, 42).ToArray())[..1000];
        var labels = cat(Enumerable.Repeat(y, 42).ToArray())[..1000];
        var sut = new Learning.Privacy.DpSgd.DpSgd(model, loss, new DpSgdOptions { SampleRate = 0.02 }, new PrivacyBudget(100, 1e-5), new SeededNoiseSource(3));

        var sizes = Enumerable.Range(0, 200).Select(_ => sut.ComputeGradients(wide, labels).BatchSize).ToArray();

        Assert.InRange(sizes.Average(), 20 - 1.5, 20 + 1.5);
        Assert.True(sizes.Distinct().Count() > 5, "Poisson batches vary in size");
    }

    [Fact]
    public void Step_PastTheBudget_IsRefusedAndLeavesTheModelUnchanged()
    {
        var (model, x, y, loss) = PerSampleGradientsTests.Setup("logistic");
        var options = new DpSgdOptions { NoiseMultiplier = 1.5, SampleRate = 0.25 };
        var budget = new PrivacyBudget(epsilon: 2, delta: 1e-5);
        var sut = new Learning.Privacy.DpSgd.DpSgd(model, loss, options, budget, new SeededNoiseSource(1));
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var allowed = sut.AffordableSteps;
        Assert.InRange(allowed, 1, 1000);

        for (var i = 0; i < allowed; i++) sut.Step(x, y, optimizer);
        var before = model.parameters().Select(p => p.clone()).ToArray();

        Assert.Throws<PrivacyBudgetExhaustedException>(() => sut.Step(x, y, optimizer));
        Assert.All(model.parameters().Zip(before), pair => Assert.True((pair.First == pair.Second).all().item<bool>()));
        Assert.True(budget.Spent.Epsilon <= 2);
        Assert.Equal(allowed, budget.Accountant.TotalSteps);
    }

    [Fact]
    public void Step_SeparableData_LearnsUnderModerateNoise()
    {
        random.manual_seed(2);
        var x = randn(2000, 5);
        var y = (x[.., 0] - x[.., 1] > 0).to_type(ScalarType.Float32).unsqueeze(1);
        var model = nn.Sequential(("linear", nn.Linear(5, 1)));
        var sut = new Learning.Privacy.DpSgd.DpSgd(model, PerSampleLoss.BinaryCrossEntropyWithLogits,
            new DpSgdOptions { ClipNorm = 1, NoiseMultiplier = 1.0, SampleRate = 0.05 }, new PrivacyBudget(8, 1e-5), new SeededNoiseSource(9));
        using var optimizer = optim.SGD(model.parameters(), 0.5);

        for (var i = 0; i < 100; i++) sut.Step(x, y, optimizer);

        var accuracy = ((model.forward(x) > 0).to_type(ScalarType.Float32) == y).to_type(ScalarType.Float32).mean().item<float>();
        Assert.True(accuracy > 0.9, $"accuracy {accuracy}");
        Assert.True(sut.AffordableSteps > 0);
    }

    [Fact]
    public void ForBudget_PlannedRun_FitsTheBudgetExactly()
    {
        // Heart-disease protocol at one centre: batch 4 of 200 records, 15 rounds x 100 local steps.
        var sut = DpSgdOptions.ForBudget(epsilon: 3, delta: 1e-5, records: 200, expectedBatchSize: 4, totalSteps: 1500);

        Assert.Equal(0.02, sut.SampleRate, 12);
        var budget = new PrivacyBudget(3, 1e-5);
        Assert.Equal(1500, budget.AffordableSteps(sut.SampleRate, sut.NoiseMultiplier));
    }

    [Fact]
    public void CryptoNoiseSource_TwoSources_DrawDifferentNoise()
    {
        var first = new float[64];
        var second = new float[64];

        new CryptoNoiseSource().FillGaussian(first, 1);
        new CryptoNoiseSource().FillGaussian(second, 1);

        Assert.All(first.Zip(second), pair => Assert.NotEqual(pair.First, pair.Second));
    }
}
