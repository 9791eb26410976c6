using FedChain.Learning.Contribution;
using FedChain.Learning.Robust;

namespace FedChain.Learning.Tests.Robust;

public sealed class RobustRulesTests
{
    private const double Scale = 1 << 16;

    /// <summary>A member whose per-sample delta is <paramref name="delta"/> (model units) over <paramref name="samples"/> rows, committed as q = n * delta * 2^16.</summary>
    private static MemberUpdate Member(long samples, params double[] delta) =>
        new([.. delta.Select(d => unchecked((uint)(int)Math.Round(d * samples * Scale)))], samples);

    private static readonly MemberUpdate[] Honest = [Member(10, 0.10, -0.20), Member(20, 0.12, -0.18), Member(30, 0.08, -0.22), Member(40, 0.11, -0.19)];

    private static MemberUpdate[] WithOutlier(double factor) => [.. Honest, Member(25, 0.10 * factor, -0.20 * factor)];

    [Fact]
    public void Median_IsTheMiddlePerSampleDelta_EachMemberOneVote()
    {
        var sut = CoordinateMedian.MeanDelta(MemberDeltas.Of(WithOutlier(100), 2), Scale);

        // Sorted first coordinates 0.08, 0.10, 0.11, 0.12, 10: the middle one, whatever the samples.
        Assert.Equal(0.11, sut[0], 4);
        Assert.Equal(-0.20, sut[1], 4);
    }

    [Fact]
    public void TrimmedMean_DropsTheExtremes_AndWeighsTheRestBySamples()
    {
        var sut = TrimmedMean.MeanDelta(MemberDeltas.Of(WithOutlier(100), 2), trimFraction: 0.2, Scale);

        // One member dropped at each end of each coordinate: first 0.08 (30 rows) and 10 (25 rows) go, second -20 (25 rows) and -0.18 (20 rows).
        Assert.Equal((0.10 * 10 + 0.11 * 40 + 0.12 * 20) / 70, sut[0], 4);
        Assert.Equal((-0.22 * 30 + -0.20 * 10 + -0.19 * 40) / 80, sut[1], 4);
    }

    [Fact]
    public void MultiKrum_LeavesOutTheMemberFarFromTheOthers()
    {
        var members = MemberDeltas.Of(WithOutlier(-10), 2);

        var kept = MultiKrum.Select(members, byzantine: 1, selected: 0);

        Assert.Equal(4, kept.Length);
        Assert.DoesNotContain(kept, m => members.Updates[m].SampleCount == 25);
        Assert.Equal(Honest.Sum(h => unchecked((int)h.Quantised[0])) / (Scale * 100), MultiKrum.MeanDelta(members, 1, 0, Scale)[0], 6);
    }

    [Fact]
    public void NormBound_ScalesTheBoostedMemberDownToTheMedianNorm()
    {
        var members = MemberDeltas.Of(WithOutlier(10), 2);

        var sut = NormBounding.MeanDelta(members, bound: 0, Scale);

        // The x10 member counts with the median norm (0.10, -0.20 has the lower-median norm among these), not ten times it.
        var boosted = FedChain.Learning.Quantisation.UpdateQuantiser.Dequantise(Sum(WithOutlier(10)), new(16, 16), 125);
        Assert.True(sut[0] < 0.2 && boosted[0] > 0.25, $"bounded {sut[0]}, plain {boosted[0]}");
        Assert.Equal((0.10 * 10 + 0.12 * 20 + 0.08 * 30 + 0.11 * 40 + 0.10 * 25) / 125, sut[0], 2);
    }

    [Fact]
    public void AggregateNormBound_ClipsOnlyAMeanAboveTheBound()
    {
        Assert.Equal([0.6f, -0.8f], NormBounding.BoundAggregate([3f, -4f], 1));
        Assert.Equal([0.3f, -0.4f], NormBounding.BoundAggregate([0.3f, -0.4f], 1));
    }

    [Theory]
    [InlineData(RobustRuleKind.Median)]
    [InlineData(RobustRuleKind.TrimmedMean)]
    [InlineData(RobustRuleKind.NormBound)]
    [InlineData(RobustRuleKind.MultiKrum)]
    public void EveryRule_GivesTheSameBits_InWhateverOrderANodeHoldsTheMembers(RobustRuleKind rule)
    {
        var random = new Random(3);
        var updates = Enumerable.Range(0, 6).Select(i => Member(5 + i * 7, [.. Enumerable.Range(0, 50).Select(_ => random.NextDouble() - 0.5)])).ToArray();
        float[] Run(IReadOnlyList<MemberUpdate> order)
        {
            var members = MemberDeltas.Of(order, 50);
            return rule switch
            {
                RobustRuleKind.Median => CoordinateMedian.MeanDelta(members, Scale),
                RobustRuleKind.TrimmedMean => TrimmedMean.MeanDelta(members, 0.2, Scale),
                RobustRuleKind.NormBound => NormBounding.MeanDelta(members, 0, Scale),
                _ => MultiKrum.MeanDelta(members, 1, 0, Scale),
            };
        }

        var expected = Run(updates);
        for (var k = 0; k < 5; k++)
        {
            var shuffled = updates.ToArray();
            random.Shuffle(shuffled);
            Assert.Equal(expected, Run(shuffled));
        }
    }

    [Fact]
    public void Settings_AggregateNormBoundWithoutABound_IsRefusedWithTheReason()
    {
        var e = Assert.Throws<ArgumentException>(() => new RobustSettings(RobustRuleKind.AggregateNormBound).Validate());

        Assert.Contains("normBound above 0", e.Message);
    }

    private static uint[] Sum(IEnumerable<MemberUpdate> updates)
    {
        var sum = new uint[2];
        foreach (var u in updates) FedChain.Learning.Quantisation.UpdateQuantiser.AddInto(sum, u.Quantised);
        return sum;
    }
}
