using System.Numerics;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Tests.Support;
using static FedChain.Contracts.Tests.Support.ConsortiumFixture;

namespace FedChain.Contracts.Tests.Ledger;

public sealed class PlanLifecycleTests(ConsortiumFixture fixture) : ConsortiumTests(fixture)
{
    [Fact]
    public async Task Advance_AfterEnrolmentWithNobody_CancelsThePlan()
    {
        var plan = await Fx.StartPlanAsync(optIn: false);
        var founder = Fx.As(Founders[0]);
        await AnvilGovernance.SkipToAsync(founder, await founder.Chain.LatestTimestampAsync() + 600);

        var outcome = await founder.Ledger.AdvanceAsync(plan);

        Assert.Single(outcome.Events<LedgerEvents.PlanCancelled>());
        Assert.Equal((byte)PlanStatus.Cancelled, (await founder.Ledger.PlanStateAsync(plan)).Status);
        await Reverts.AssertRevertsAsync("PlanNotRunning", () => founder.Ledger.CommitAsync(new RoundCommitment(plan, 0, Hashes.Of("x"), 1)));
    }

    [Fact]
    public async Task RemovingTheLastMemberYetToCommit_ClosesTheRound()
    {
        var plan = await Fx.StartPlanAsync();
        var founders = Fx.FoundersAsConsortium();
        await founders[0].Ledger.CommitAsync(new RoundCommitment(plan, 0, Hashes.Of("a"), 1));
        await founders[1].Ledger.CommitAsync(new RoundCommitment(plan, 0, Hashes.Of("b"), 1));

        await AnvilGovernance.PassAsync(Proposals.Remove(Fx.Addresses, founders[2].Chain.Address), founders);

        var state = await founders[0].Ledger.PlanStateAsync(plan);
        Assert.Equal(1u, state.CurrentRound);
        Assert.Equal(2, state.Participants);
        Assert.Equal((byte)0, (await founders[0].Ledger.ParticipantAsync(plan, founders[2].Chain.Address)).Status);
    }

    [Fact]
    public async Task VoteScores_Standalone_AgreesTheLastRoundsScores()
    {
        var plan = await Fx.StartPlanAsync(p => p.Rounds = 1);
        var founders = Fx.FoundersAsConsortium();
        for (var i = 0; i < 3; i++) await founders[i].Ledger.CommitAsync(new RoundCommitment(plan, 0, Hashes.Of($"{i}"), 1));
        var scores = new ScoreVector(plan, 0, founders.Select(f => f.Chain.Address).ToList(), [1_000_000, 0, 500_000]);

        await founders[0].Ledger.VoteScoresAsync(plan, 0, scores.Hash());
        var agreeing = await founders[1].Ledger.VoteScoresAsync(plan, 0, scores.Hash());

        Assert.Equal(scores.Hash(), Assert.Single(agreeing.Events<LedgerEvents.ScoresAgreed>()).ScoresHash);
        await Reverts.AssertRevertsAsync("AlreadyVoted", () => founders[0].Ledger.VoteScoresAsync(plan, 0, scores.Hash()));
        await founders[2].Ledger.RecordScoresAsync(scores);
        Assert.Equal(BigInteger.Pow(10, 18), await founders[0].Rewards.BalanceAsync(founders[0].Chain.Address));
    }

    [Fact]
    public async Task RecordScores_ForConsecutiveRounds_MintsTheSumOnce()
    {
        var plan = await Fx.StartPlanAsync(p => { p.Rounds = 3; p.ScoresLag = 1; });
        var founders = Fx.FoundersAsConsortium();
        var members = founders.Select(f => f.Chain.Address).ToList();
        ScoreVector Scores(uint round) => new(plan, round, members, [100_000 * (round + 1), -5, 7]);
        for (uint round = 0; round < 3; round++)
        {
            for (var i = 0; i < 3; i++)
                await founders[i].Ledger.CommitAsync(new RoundCommitment(plan, round, Hashes.Of($"{i}/{round}"), 1, 0, null, round == 0 ? null : Scores(round - 1).Hash()));
        }

        var outcome = await founders[0].Ledger.RecordScoresAsync([Scores(0), Scores(1)]);

        Assert.Equal([0u, 1u], outcome.Events<LedgerEvents.ScoresRecorded>().Select(e => e.Round));
        Assert.Equal(BigInteger.Pow(10, 18) * 300_000 / 1_000_000, await founders[0].Rewards.BalanceAsync(members[0]));
        Assert.Equal(BigInteger.Pow(10, 18) * 14 / 1_000_000, await founders[0].Rewards.BalanceAsync(members[2]));
        Assert.Equal(BigInteger.Zero, await founders[0].Rewards.BalanceAsync(members[1]));
        await Reverts.AssertRevertsAsync("ScoresAlreadyRecorded", () => founders[0].Ledger.RecordScoresAsync(Scores(1)));
    }
}
