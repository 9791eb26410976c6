using FedChain.Learning.Contribution;

namespace FedChain.Learning.Tests.Contribution;

public sealed class LeaveOneOutAndSampleShareTests
{
    [Fact]
    public void LeaveOneOut_RedundantPair_BothScoreNothing()
    {
        // Members 0 and 1 bring the same thing: removing either alone changes nothing.
        var game = Games.Of(3, s => (s.Contains(0) || s.Contains(1) ? 0.2 : 0) + (s.Contains(2) ? 0.05 : 0));

        var sut = LeaveOneOut.Compute(game, 3);

        Assert.Equal([0, 0, 50_000_000], sut);
    }

    [Fact]
    public void SampleShare_SharesTheRoundsGainByCommittedCounts()
    {
        var game = Games.Of(3, s => s == Coalition.All(3) ? 0.8 : 0.7);

        var sut = SampleShare.Compute(game, [100, 300, 0]);

        Assert.Equal([25_000_000, 75_000_000, 0], sut);
    }

    [Fact]
    public void SampleShare_NoSamplesCommitted_ScoresZero()
    {
        var sut = SampleShare.Compute(Games.Additive(0.1, 0.2), [0, 0]);

        Assert.Equal([0, 0], sut);
    }
}
