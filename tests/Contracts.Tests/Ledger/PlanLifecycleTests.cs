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
    public async Task RemovingTheLastMemberYetToCommit_ClosesTheRoundOnThePlansNextTransaction()
    {
        var plan = await Fx.StartPlanAsync();
        var founders = Fx.FoundersAsConsortium();
        await founders[0].Ledger.CommitAsync(new RoundCommitment(plan, 0, Hashes.Of("a"), 1));
        await founders[1].Ledger.CommitAsync(new RoundCommitment(plan, 0, Hashes.Of("b"), 1));

        await AnvilGovernance.PassAsync(Proposals.Remove(Fx.Addresses, founders[2].Chain.Address), founders);

        Assert.Equal(2, (await founders[0].Ledger.PlanStateAsync(plan)).Participants); // the view counts the logged removal
        Assert.Equal((byte)ParticipantStatus.Dropped, (await founders[0].Ledger.ParticipantAsync(plan, founders[2].Chain.Address)).Status);
        var outcome = await founders[0].Ledger.AdvanceAsync(plan);
        Assert.Equal(founders[2].Chain.Address.ToLowerInvariant(), Assert.Single(outcome.Events<LedgerEvents.ParticipantDropped>()).Member.ToLowerInvariant());
        Assert.True(Assert.Single(outcome.Events<LedgerEvents.RoundClosed>()).Early);
        Assert.Equal(1u, (await founders[0].Ledger.PlanStateAsync(plan)).CurrentRound);
    }

    [Fact]
    public async Task CancelPlan_ThroughGovernance_StopsARunningPlan_AndItsParticipantsSettleWhatWasRecorded()
    {
        var plan = await Fx.StartPlanAsync();
        var founders = Fx.FoundersAsConsortium();

        await AnvilGovernance.PassAsync(Proposals.CancelPlan(Fx.Addresses, plan), founders);

        Assert.Equal((byte)PlanStatus.Cancelled, (await founders[0].Ledger.PlanStateAsync(plan)).Status);
        var settled = await founders[1].Ledger.SettleAsync(plan);
        Assert.Equal(BigInteger.Zero, Assert.Single(settled.Events<LedgerEvents.PlanSettled>()).Minted);
        await Reverts.AssertRevertsAsync("PlanAlreadySettled", () => founders[1].Ledger.SettleAsync(plan));
    }

    [Fact]
    public async Task VoteScores_Standalone_AgreesTheLastRoundsScores_AndRecordingThemSettlesThePlan()
    {
        var plan = await Fx.StartPlanAsync(p => { p.Rounds = 2; p.RewardPool = BigInteger.Pow(10, 18); });
        var founders = Fx.FoundersAsConsortium();
        for (uint r = 0; r < 2; r++)
        {
            for (var i = 0; i < 3; i++) await founders[i].Ledger.CommitAsync(new RoundCommitment(plan, r, Hashes.Of($"{i}/{r}"), 1));
        }

        var members = Fx.FoundersAscending();
        var scores = new ScoreVector(plan, 1, members, [600_000, 0, 400_000]);
        await founders[0].Ledger.VoteScoresAsync(plan, 1, scores.Hash());
        var agreeing = await founders[1].Ledger.VoteScoresAsync(plan, 1, scores.Hash());

        Assert.Equal(scores.Hash(), Assert.Single(agreeing.Events<LedgerEvents.ScoresAgreed>()).ScoresHash);
        await Reverts.AssertRevertsAsync("AlreadyVoted", () => founders[0].Ledger.VoteScoresAsync(plan, 1, scores.Hash()));
        var recorded = await founders[2].Ledger.RecordScoresAsync(scores);
        Assert.Single(recorded.Events<LedgerEvents.PlanSettled>());
        Assert.Equal(BigInteger.Pow(10, 18) * 6 / 10, await founders[0].Rewards.BalanceAsync(members[0]));
        Assert.Equal(BigInteger.Pow(10, 18) * 4 / 10, await founders[0].Rewards.BalanceAsync(members[2]));
    }

    [Fact]
    public async Task RecordScores_ForConsecutiveRounds_AddsThemToEachMembersNet_AndPaysOnlyPositiveNets()
    {
        var plan = await Fx.StartPlanAsync(p => { p.Rounds = 3; p.ScoresLag = 1; p.RewardPool = BigInteger.Pow(10, 18) * 2; });
        var founders = Fx.FoundersAsConsortium();
        var members = Fx.FoundersAscending();
        ScoreVector Scores(uint round) => new(plan, round, members, round == 1 ? [300_000, -200_000, 7] : [-100_000, 100_000, 7]);
        for (uint round = 0; round < 3; round++)
        {
            for (var i = 0; i < 3; i++)
                await founders[i].Ledger.CommitAsync(new RoundCommitment(plan, round, Hashes.Of($"{i}/{round}"), 1, null, round < 2 ? null : Scores(round - 1).Hash()));
        }

        for (var i = 0; i < 2; i++) await founders[i].Ledger.VoteScoresAsync(plan, 2, Scores(2).Hash());
        var outcome = await founders[0].Ledger.RecordScoresAsync([Scores(1), Scores(2)]);

        Assert.Equal([1u, 2u], Assert.Single(outcome.Events<LedgerEvents.ScoresRecorded>()).Rows().Select(r => r.Round));
        Assert.Equal(200_000, (await founders[0].Ledger.ParticipantAsync(plan, members[0])).NetScore);
        Assert.Equal(-100_000, (await founders[0].Ledger.ParticipantAsync(plan, members[1])).NetScore);
        Assert.Equal(BigInteger.Pow(10, 18) * 2 * 200_000 / (2 * 1_000_000), await founders[0].Rewards.BalanceAsync(members[0]));
        Assert.Equal(BigInteger.Zero, await founders[0].Rewards.BalanceAsync(members[1])); // a negative net is paid nothing
        Assert.Equal(BigInteger.Pow(10, 18) * 2 * 14 / (2 * 1_000_000), await founders[0].Rewards.BalanceAsync(members[2]));
        await Reverts.AssertRevertsAsync("PlanAlreadySettled", () => founders[0].Ledger.RecordScoresAsync(Scores(2)));
    }
}
