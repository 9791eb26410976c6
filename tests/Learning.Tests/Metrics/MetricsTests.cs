using FedChain.Learning.Metrics;

namespace FedChain.Learning.Tests.Metrics;

public sealed class MetricsTests
{
    [Fact]
    public void BinaryMetrics_SmallExample_MatchHandCount()
    {
        // p = sigmoid(logit): 0.88, 0.27, 0.73, 0.12 against labels 1, 1, 0, 0 -> TP 1, FN 1, FP 1, TN 1.
        float[] logits = [2f, -1f, 1f, -2f];
        float[] labels = [1, 1, 0, 0];

        var sut = BinaryMetrics.Compute(logits, labels);

        Assert.Equal(0.5, sut.Accuracy);
        Assert.Equal(0.5, sut.Sensitivity);
        Assert.Equal(0.5, sut.Specificity);
        Assert.Equal(0.5, sut.Precision);
        Assert.Equal(0.5, sut.F1);
        Assert.Equal(0.75, sut.RocAuc); // pairs (pos, neg): (2,1) (2,-2) (-1,-2) right, (-1,1) wrong
        var p = logits.Select(l => 1 / (1 + Math.Exp(-l))).ToArray();
        Assert.Equal(((p[0] - 1) * (p[0] - 1) + (p[1] - 1) * (p[1] - 1) + p[2] * p[2] + p[3] * p[3]) / 4, sut.Brier!.Value, 1e-12);
    }

    [Fact]
    public void RocAuc_TiedScores_CountAHalf_AndOneClassIsNaN()
    {
        Assert.Equal(0.5, BinaryMetrics.RocAuc([1f, 1f], [1f, 0f]));
        Assert.True(double.IsNaN(BinaryMetrics.RocAuc([1f, 2f], [1f, 1f])));
    }

    [Fact]
    public void CIndex_HandExample_FollowsLifelinesRules()
    {
        // Rows (time, event, risk): A(1,1,3) B(2,0,1) C(3,1,2) D(3,0,2).
        // Comparable: A-B (A first), A-C, A-D, C-D (tie, only C has the event). B-C and B-D: B censored first, not comparable.
        // Concordant: A-B (3>1), A-C (3>2), A-D (3>2); C-D tied risk counts 0.5. C = 3.5 / 4.
        float[] times = [1, 2, 3, 3];
        float[] events = [1, 0, 1, 0];
        float[] risk = [3, 1, 2, 2];

        Assert.Equal(3.5 / 4, ConcordanceIndex.Compute(times, risk, events));
    }

    [Fact]
    public void CIndex_PerfectAndReversedRisk_GiveOneAndZero()
    {
        float[] times = [1, 2, 3, 4];
        float[] events = [1, 1, 1, 1];

        Assert.Equal(1.0, ConcordanceIndex.Compute(times, [4f, 3, 2, 1], events));
        Assert.Equal(0.0, ConcordanceIndex.Compute(times, [1f, 2, 3, 4], events));
        Assert.True(double.IsNaN(ConcordanceIndex.Compute(times, [1f, 2, 3, 4], [0f, 0, 0, 0])));
    }
}
