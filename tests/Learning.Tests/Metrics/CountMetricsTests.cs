using FedChain.Learning.Metrics;
using static TorchSharp.torch;

namespace FedChain.Learning.Tests.Metrics;

public sealed class CountMetricsTests
{
    [Fact]
    public void Poisson_LogScoreOfZeroWithMeanOne_IsOne()
    {
        var sut = CountMetrics.Compute([1.0], null, [0f]);

        Assert.Equal(1.0, sut.LogScore!.Value, 12);
        Assert.Equal(1.0, sut.Mae!.Value, 12);
    }

    [Fact]
    public void NegativeBinomial_HandComputedProbabilities()
    {
        // size 1 is geometric: P(y) = (1 / (1 + mu)) (mu / (1 + mu))^y; mean 1, y = 2 gives 1/8.
        Assert.Equal(Math.Log(1.0 / 8), CountMetrics.LogProbability(2, 1, 1), 12);
        // A huge size is Poisson.
        Assert.Equal(CountMetrics.LogProbability(3, 2.5, double.PositiveInfinity), CountMetrics.LogProbability(3, 2.5, 1e9), 4);
    }

    [Fact]
    public void Compute_MaeAndRmse_OfTheMean()
    {
        var sut = CountMetrics.Compute([1.0, 2.0, 4.0], [2.0, 2.0, 2.0], [0f, 2f, 0f]);

        Assert.Equal(5.0 / 3, sut.Mae!.Value, 12);
        Assert.Equal(Math.Sqrt(17.0 / 3), sut.Rmse!.Value, 12);
        Assert.Equal(-(CountMetrics.LogProbability(0, 1, 2) + CountMetrics.LogProbability(2, 2, 2) + CountMetrics.LogProbability(0, 4, 2)) / 3, sut.LogScore!.Value, 12);
    }

    [Fact]
    public void TrainingLoss_IsTheMeanLogScore()
    {
        // The negative binomial loss training minimises is the same -log P(y) the forecasts are scored by.
        float[] logMean = [-1f, 0.3f, 2f];
        float[] logSize = [0.5f, -0.2f, 3f];
        float[] counts = [0, 1, 9];
        var scores = stack([tensor(logMean), tensor(logSize)], 1);

        var loss = Learning.Training.TaskLoss.NegativeBinomial(scores, tensor(counts)).item<float>();

        var expected = CountMetrics.Compute([.. logMean.Select(m => Math.Exp(m))], [.. logSize.Select(s => Math.Exp(s))], counts).LogScore!.Value;
        Assert.Equal(expected, loss, 4);
    }
}
