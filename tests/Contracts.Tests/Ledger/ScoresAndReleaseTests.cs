using System.Numerics;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Tests.Support;
using static FedChain.Contracts.Tests.Support.ConsortiumFixture;

namespace FedChain.Contracts.Tests.Ledger;

public sealed class ScoresAndReleaseTests(ConsortiumFixture fixture) : ConsortiumTests(fixture)
{
    private ScoreVector Scores(BigInteger plan, uint round) => new(plan, round, Fx.FoundersAscending(), [250_000, -100_000, 0]);

    /// <summary>Runs rounds 0..3; the commits of round 3 vote round 1's scores (lag 2; round 0 is setup), by the given founders.</summary>
    private async Task<(BigInteger Plan, IReadOnlyList<Consortium> Founders)> AgreeOnRoundOneScoresAsync(ScoreVector? vote = null, int voters = 3)
    {
        var plan = await Fx.StartPlanAsync();
        var founders = Fx.FoundersAsConsortium();
        var scoresHash = (vote ?? Scores(plan, 1)).Hash();
        for (uint round = 0; round < 4; round++)
        {
            for (var i = 0; i < 3; i++)
            {
                await founders[i].Ledger.CommitAsync(new RoundCommitment(plan, round, Hashes.Of($"{i}/{round}"), 10,
                    round == 0 ? null : Hashes.Of($"model {round - 1}"),
                    round == 3 && i < voters ? scoresHash : null));
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
    public async Task RecordScores_AfterQuorumAgreement_RecordsThemIntoEachMembersNetScore()
    {
        var (plan, founders) = await AgreeOnRoundOneScoresAsync();
        var vector = Scores(plan, 1);

        var outcome = await founders[2].Ledger.RecordScoresAsync(vector);

        var recorded = Assert.Single(outcome.Events<LedgerEvents.ScoresRecorded>());
        Assert.Equal(vector.Scores, recorded.Scores);
        Assert.Equal(1u, recorded.FirstRound);
        Assert.True((await founders[0].Ledger.AgreedScoresAsync(plan, 1)).Recorded);
        Assert.Equal(250_000, (await founders[0].Ledger.ParticipantAsync(plan, vector.Members[0])).NetScore);
        Assert.Equal(BigInteger.Zero, await founders[0].Rewards.BalanceAsync(vector.Members[0])); // paid once, when the plan settles
        Assert.Equal(BigInteger.Pow(10, 18) * 9 * 250_000 / (9 * 1_000_000), await founders[0].Ledger.RewardOfAsync(plan, vector.Members[0]));
    }

    [Fact]
    public async Task RecordScores_ByAnOutsider_RevertsNotParticipant()
    {
        var (plan, _) = await AgreeOnRoundOneScoresAsync();

        await Reverts.AssertRevertsAsync("NotParticipant", () => Fx.As(Outsider).Ledger.RecordScoresAsync(Scores(plan, 1)));
    }

    [Fact]
    public async Task RecordScores_Twice_RevertsScoresAlreadyRecorded()
    {
        var (plan, founders) = await AgreeOnRoundOneScoresAsync();
        await founders[0].Ledger.RecordScoresAsync(Scores(plan, 1));

        await Reverts.AssertRevertsAsync("ScoresAlreadyRecorded", () => founders[0].Ledger.RecordScoresAsync(Scores(plan, 1)));
    }

    [Fact]
    public async Task RecordScores_NotMatchingTheAgreedHash_RevertsScoresMismatch()
    {
        var (plan, _) = await AgreeOnRoundOneScoresAsync();
        var inflated = Scores(plan, 1) with { Scores = [900_000, -100_000, 0] };

        await Reverts.AssertRevertsAsync("ScoresMismatch", () => Fx.As(Founders[0]).Ledger.RecordScoresAsync(inflated));
    }

    [Fact]
    public async Task RecordScores_OfAnAgreedVectorNamingAnOutsider_RevertsNotACommitter()
    {
        var plan = await Fx.StartPlanAsync();
        var members = Fx.FoundersAscending().Take(2).Append(Fx.AddressOf(Outsider)).OrderBy(a => a.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        var forged = new ScoreVector(plan, 1, members, [.. members.Select(m => m == Fx.AddressOf(Outsider) ? 1_000_000L : 0L)]);
        var founders = Fx.FoundersAsConsortium();
        for (uint round = 0; round < 3; round++)
        {
            for (var i = 0; i < 3; i++) await founders[i].Ledger.CommitAsync(new RoundCommitment(plan, round, Hashes.Of($"{i}/{round}"), 10));
        }

        await founders[0].Ledger.VoteScoresAsync(plan, 1, forged.Hash());
        await founders[1].Ledger.VoteScoresAsync(plan, 1, forged.Hash());

        var revert = await Reverts.AssertRevertsAsync("NotACommitter", () => founders[0].Ledger.RecordScoresAsync(forged));

        Assert.Equal(Fx.AddressOf(Outsider).ToLowerInvariant(), ((string)revert["member"]!).ToLowerInvariant());
    }

    [Fact]
    public async Task RecordScores_VotedByASingleMember_RevertsScoresNotAgreed()
    {
        var (plan, founders) = await AgreeOnRoundOneScoresAsync(voters: 1);

        await Reverts.AssertRevertsAsync("ScoresNotAgreed", () => founders[0].Ledger.RecordScoresAsync(Scores(plan, 1)));
    }

    [Fact]
    public async Task ReleaseModel_OfTheLastFinalisedAggregate_IsRecordedThroughGovernance()
    {
        var plan = await Fx.StartPlanAsync(p => p.Rounds = 2);
        var founders = Fx.FoundersAsConsortium();
        for (uint round = 0; round < 2; round++)
        {
            for (var i = 0; i < 3; i++)
                await founders[i].Ledger.CommitAsync(new RoundCommitment(plan, round, Hashes.Of($"{i}/{round}"), 10, round == 0 ? null : Hashes.Of("model 0")));
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
        var plan = await Fx.StartPlanAsync(p => p.Rounds = 2);
        var founders = Fx.FoundersAsConsortium();
        for (uint round = 0; round < 2; round++)
        {
            for (var i = 0; i < 3; i++) await founders[i].Ledger.CommitAsync(new RoundCommitment(plan, round, Hashes.Of($"{i}/{round}"), 10));
        }

        await Reverts.AssertRevertsAsync("ReleaseNotFinalised",
            () => AnvilGovernance.PassAsync(Proposals.ReleaseModel(Fx.Addresses, plan, Hashes.Of("unvoted model"), Hashes.Of("report")), founders));
    }
}
