using System.Numerics;
using FedChain.Learning.Contribution;

namespace FedChain.Learning.Tests.Contribution;

public sealed class RewardRuleTests
{
    [Fact]
    public void ChainScores_ConvertEngineUnitsToMicroUnits_NearestWithHalvesAwayFromZero()
    {
        var sut = RewardRule.ChainScores([1_500, -1_500, 1_499, 250_000_000]);

        Assert.Equal([2, -2, 1, 250_000], sut);
    }

    [Fact]
    public void ChainScores_ClampEachScore_AndScalePositivesDownToTheRoundsBound()
    {
        var sut = RewardRule.ChainScores([2_000_000_000, 1_000_000_000, -3_000_000_000]);

        // Clamped to 1e6, 1e6, -1e6; the positives then sum to 2e6 and are halved.
        Assert.Equal([500_000, 500_000, -1_000_000], sut);
        Assert.True(sut.Where(s => s > 0).Sum() <= RewardRule.ChainScale);
    }

    /// <summary>
    /// The rule the ledger settles by: a member positive in one round and negative in another is paid for
    /// the difference only. Under the old per-round rule it was paid for every positive round.
    /// </summary>
    [Fact]
    public void Payouts_FollowNetContribution_SoNegativeRoundsCount()
    {
        IReadOnlyList<(IReadOnlyList<string>, IReadOnlyList<long>)> rounds =
        [
            (["honest", "noisy"], [300_000, 400_000]),
            (["honest", "noisy"], [200_000, -450_000]),
        ];

        var sut = RewardRule.Payouts(rounds, pool: 2_000_000, trainingRounds: 2);

        Assert.Equal(new BigInteger(500_000), sut["honest"]);
        Assert.False(sut.ContainsKey("noisy"));
    }

    [Fact]
    public void Payout_FloorsAndNeverPaysForANetAtOrBelowZero()
    {
        Assert.Equal(new BigInteger(333), RewardRule.Payout(1, pool: 1_000_000_000, trainingRounds: 3));
        Assert.Equal(BigInteger.Zero, RewardRule.Payout(0, 1_000_000, 1));
        Assert.Equal(BigInteger.Zero, RewardRule.Payout(-5, 1_000_000, 1));
    }

    [Fact]
    public void Payouts_OverAnyRecordedRounds_NeverExceedThePool()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var rounds = Enumerable.Range(0, 5).Select(_ =>
                ((IReadOnlyList<string>)["a", "b", "c"], (IReadOnlyList<long>)RewardRule.ChainScores([.. Enumerable.Range(0, 3).Select(_ => random.NextInt64(-3_000_000_000, 3_000_000_000))]))).ToList();

            var paid = RewardRule.Payouts(rounds, pool: 1_000_000_007, trainingRounds: 5).Values.Aggregate(BigInteger.Zero, (x, y) => x + y);

            Assert.True(paid <= 1_000_000_007, $"trial {trial} paid {paid}");
        }
    }
}
