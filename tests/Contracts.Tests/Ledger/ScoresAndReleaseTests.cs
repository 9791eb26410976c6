using System.Numerics;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Tests.Support;
using static FedChain.Contracts.Tests.Support.ConsortiumFixture;

namespace FedChain.Contracts.Tests.Ledger;

public sealed class ScoresAndReleaseTests(ConsortiumFixture fixture) : ConsortiumTests(fixture)
{
    private ScoreVector Scores(BigInteger plan, uint round) =>
        new(plan, round, Founders.Select(Fx.AddressOf).ToList(), [250_000, -100_000, 0]);

    /// <summary>Runs rounds 0..2; the commits of round 2 vote round 0's scores (lag 2), by the given founders.</summary>
    private async Task<(BigInteger Plan, IReadOnlyList<Consortium> Founders)> AgreeOnRoundZeroScoresAsync(ScoreVector? vote = null, int voters = 3)
    {
        var plan = await Fx.StartPlanAsync();
        var founders = Fx.FoundersAsConsortium();
        var scoresHash = (vote ?? Scores(plan, 0)).Hash();
        for (uint round = 0; round < 3; round++)
        {
            for (var i = 0; i < 3; i++)
            {
                await founders[i].Ledger.CommitAsync(new RoundCommitment(plan, round, Hashes.Of($"{i}/{round}"), 10, 0,
                    round == 0 ? null : Hashes.Of($"model {round - 1}"),
                    round == 2 && i < voters ? scoresHash : null));
            }
        }

        return (plan, founders);
    }

    [Fact]
    public async Task ScoreVectorHash_EqualsTheContractsHash()
    {
        var sut = Scores(7, 3);

        Assert.Equal(await Fx.As(Outsider).Ledger.ScoresHashAsync(sut), sut.Hash());
    }

    [Fact]
    public async Task RecordScores_AfterQuorumAgreement_RecordsThemAndMintsPositiveScores()
    {
        var (plan, founders) = await AgreeOnRoundZeroScoresAsync();
        var vector = Scores(plan, 0);

        var outcome = await Fx.As(Outsider).Ledger.RecordScoresAsync(vector);

        var recorded = Assert.Single(outcome.Events<LedgerEvents.ScoresRecorded>());
        Assert.Equal(vector.Scores, recorded.Scores);
        Assert.Equal(BigInteger.Pow(10, 18) / 4, await founders[0].Rewards.BalanceAsync(founders[0].Chain.Address));
        Assert.Equal(BigInteger.Zero, await founders[0].Rewards.BalanceAsync(founders[1].Chain.Address));
        Assert.True((await founders[0].Ledger.AgreedScoresAsync(plan, 0)).Recorded);
    }

    [Fact]
    public async Task RecordScores_Twice_RevertsScoresAlreadyRecorded()
    {
        var (plan, _) = await AgreeOnRoundZeroScoresAsync();
        await Fx.As(Outsider).Ledger.RecordScoresAsync(Scores(plan, 0));

        await Reverts.AssertRevertsAsync("ScoresAlreadyRecorded", () => Fx.As(Outsider).Ledger.RecordScoresAsync(Scores(plan, 0)));
    }

    [Fact]
    public async Task RecordScores_NotMatchingTheAgreedHash_RevertsScoresMismatch()
    {
        var (plan, _) = await AgreeOnRoundZeroScoresAsync();
        var inflated = Scores(plan, 0) with { Scores = [9_000_000, -100_000, 0] };

        await Reverts.AssertRevertsAsync("ScoresMismatch", () => Fx.As(Founders[0]).Ledger.RecordScoresAsync(inflated));
    }

    [Fact]
    public async Task RecordScores_VotedByASingleMember_RevertsScoresNotAgreed()
    {
        var (plan, founders) = await AgreeOnRoundZeroScoresAsync(voters: 1);

        await Reverts.AssertRevertsAsync("ScoresNotAgreed", () => founders[0].Ledger.RecordScoresAsync(Scores(plan, 0)));
        Assert.Equal(BigInteger.Zero, await founders[0].Rewards.BalanceAsync(founders[0].Chain.Address));
    }

    [Fact]
    public async Task ReleaseModel_OfTheLastFinalisedAggregate_IsRecordedThroughGovernance()
    {
        var plan = await Fx.StartPlanAsync(p => p.Rounds = 2);
        var founders = Fx.FoundersAsConsortium();
        for (uint round = 0; round < 2; round++)
        {
            for (var i = 0; i < 3; i++)
                await founders[i].Ledger.CommitAsync(new RoundCommitment(plan, round, Hashes.Of($"{i}/{round}"), 10, 0, round == 0 ? null : Hashes.Of("model 0")));
        }

        Assert.Equal((byte)PlanStatus.Completed, (await founders[0].Ledger.PlanStateAsync(plan)).Status);
        var final = Hashes.Of("model 1");
        await founders[0].Ledger.VoteAggregateAsync(plan, 1, final);
        await founders[1].Ledger.VoteAggregateAsync(plan, 1, final);
        await AnvilGovernance.PassAsync(Proposals.ReleaseModel(Fx.Addresses, plan, final, Hashes.Of("report")), founders);

        Assert.Equal(final, await founders[0].Ledger.ReleasedModelAsync(plan));
    }

    [Fact]
    public async Task ReleaseModel_NotFinalised_FailsItsExecutionWithTheLedgersReason()
    {
        var plan = await Fx.StartPlanAsync(p => p.Rounds = 1);
        var founders = Fx.FoundersAsConsortium();
        for (var i = 0; i < 3; i++) await founders[i].Ledger.CommitAsync(new RoundCommitment(plan, 0, Hashes.Of($"{i}"), 10));

        await Reverts.AssertRevertsAsync("ReleaseNotFinalised",
            () => AnvilGovernance.PassAsync(Proposals.ReleaseModel(Fx.Addresses, plan, Hashes.Of("unvoted model"), Hashes.Of("report")), founders));
    }
}
