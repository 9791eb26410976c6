using FedChain.Learning.Contribution;

namespace FedChain.Learning.Tests.Contribution;

public sealed class RewardRuleTests
{
    [Fact]
    public void Allocate_SharesByPositiveScores_AndPaysNothingAtOrBelowZero()
    {
        var sut = RewardRule.Allocate([300, 100, 0, -500], rewardPerRound: 1000);

        Assert.Equal([750, 250, 0, 0], sut);
    }

    [Fact]
    public void Allocate_FloorsEachShare_SoTheTotalNeverExceedsTheRoundsReward()
    {
        var sut = RewardRule.Allocate([1, 1, 1], rewardPerRound: 100);

        Assert.Equal([33, 33, 33], sut);
    }

    [Fact]
    public void Allocate_NoPositiveScore_MintsNothing()
    {
        Assert.Equal([0, 0], RewardRule.Allocate([0, -3], 1000));
    }

    [Fact]
    public void Allocate_LargeValues_DoNotOverflow()
    {
        var sut = RewardRule.Allocate([long.MaxValue / 2, long.MaxValue / 2], long.MaxValue);

        Assert.Equal([long.MaxValue / 2, long.MaxValue / 2], sut);
    }
}
