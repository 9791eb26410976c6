using FedChain.Contracts.Chain;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Tests.Support;
using static FedChain.Contracts.Tests.Support.ConsortiumFixture;

namespace FedChain.Contracts.Tests.Ledger;

public sealed class CommitTests(ConsortiumFixture fixture) : ConsortiumTests(fixture)
{
    [Fact]
    public async Task StartPlan_WithoutGovernance_RevertsNotGovernance()
    {
        var founder = Fx.As(Founders[0]);

        await Reverts.AssertRevertsAsync("NotGovernance", () => founder.Chain.SendAsync(Fx.Addresses.TrainingLedger,
            new LedgerFunctions.StartPlan { Params = new PlanParams { PlanHash = Hashes.Of("p"), Invited = [founder.Chain.Address], Rounds = 1, CommitWindow = 1, EnrolmentWindow = 1 } }));
    }

    [Fact]
    public async Task OptIn_ByEveryInvitee_OpensRoundZero()
    {
        var planId = await Fx.StartPlanAsync(optIn: false);
        var founders = Fx.FoundersAsConsortium();
        await founders[0].Ledger.OptInAsync(planId);
        await founders[1].Ledger.OptInAsync(planId);
        Assert.Equal((byte)PlanStatus.Enrolling, (await founders[0].Ledger.PlanStateAsync(planId)).Status);

        var outcome = await founders[2].Ledger.OptInAsync(planId);

        var opened = Assert.Single(outcome.Events<LedgerEvents.RoundOpened>());
        Assert.Equal(0u, opened.Round);
        Assert.Equal(opened.OpenedAt + 600, opened.Deadline);
        var state = await founders[0].Ledger.PlanStateAsync(planId);
        Assert.Equal((byte)PlanStatus.Running, state.Status);
        Assert.Equal(3, state.Participants);
    }

    [Fact]
    public async Task OptIn_ByAMemberNotInvited_RevertsNotInvited()
    {
        var planId = await Fx.StartPlanAsync(p => p.Invited = [Fx.AddressOf(Founders[0])], optIn: false);

        await Reverts.AssertRevertsAsync("NotInvited", () => Fx.As(Founders[1]).Ledger.OptInAsync(planId));
    }

    [Fact]
    public async Task Advance_AfterEnrolment_StartsWithThoseWhoOptedIn()
    {
        var planId = await Fx.StartPlanAsync(optIn: false);
        var founder = Fx.As(Founders[0]);
        await founder.Ledger.OptInAsync(planId);
        await Reverts.AssertRevertsAsync("NothingToAdvance", () => founder.Ledger.AdvanceAsync(planId));
        await AnvilGovernance.SkipToAsync(founder, await founder.Chain.LatestTimestampAsync() + 600);

        await founder.Ledger.AdvanceAsync(planId);

        var state = await founder.Ledger.PlanStateAsync(planId);
        Assert.Equal((byte)PlanStatus.Running, state.Status);
        Assert.Equal(1, state.Participants);
        await Reverts.AssertRevertsAsync("PlanNotEnrolling", () => Fx.As(Founders[1]).Ledger.OptInAsync(planId));
    }

    [Fact]
    public async Task Commit_ByANonMember_RevertsNotParticipant()
    {
        var planId = await Fx.StartPlanAsync();

        var revert = await Reverts.AssertRevertsAsync("NotParticipant",
            () => Fx.As(Outsider).Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("blob"), 100)));

        Assert.Equal(Fx.AddressOf(Outsider).ToLowerInvariant(), ((string)revert["account"]!).ToLowerInvariant());
    }

    [Fact]
    public async Task Commit_AfterTheDeadline_RevertsCommitAfterDeadline()
    {
        var planId = await Fx.StartPlanAsync();
        var founder = Fx.As(Founders[0]);
        var state = await founder.Ledger.PlanStateAsync(planId);
        await AnvilGovernance.SkipToAsync(founder, (long)(state.RoundOpenedAt + state.CommitWindow));

        var revert = await Reverts.AssertRevertsAsync("CommitAfterDeadline",
            () => founder.Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("late"), 100)));

        Assert.Equal(state.RoundOpenedAt + state.CommitWindow, (ulong)(System.Numerics.BigInteger)revert["deadline"]!);
    }

    [Fact]
    public async Task Commit_TwiceInOneRound_RevertsAlreadyCommitted()
    {
        var planId = await Fx.StartPlanAsync();
        var founder = Fx.As(Founders[0]);
        await founder.Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("first"), 100));

        await Reverts.AssertRevertsAsync("AlreadyCommitted",
            () => founder.Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("second"), 100)));
    }

    [Fact]
    public async Task Commit_ByEveryParticipant_ClosesTheRoundEarlyAndOpensTheNext()
    {
        var planId = await Fx.StartPlanAsync();
        var founders = Fx.FoundersAsConsortium();
        await founders[0].Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("a"), 303));
        await founders[1].Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("b"), 294));

        var last = await founders[2].Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("c"), 123, 250_000));

        var committed = Assert.Single(last.Events<LedgerEvents.Committed>());
        Assert.Equal(Hashes.Of("c"), committed.BlobHash);
        Assert.Equal(123ul, committed.SampleCount);
        Assert.Equal(250_000ul, committed.EpsilonSpent);
        var closed = Assert.Single(last.Events<LedgerEvents.RoundClosed>());
        Assert.True(closed.Early);
        Assert.Equal(3, closed.Committed);
        Assert.Equal(1u, Assert.Single(last.Events<LedgerEvents.RoundOpened>()).Round);
        Assert.Equal(250_000ul, (await founders[0].Ledger.ParticipantAsync(planId, founders[2].Chain.Address)).EpsilonSpent);
    }

    [Fact]
    public async Task Commit_ForTheNextRoundAfterADeadline_ClosesTheRoundWithWhoeverCommitted()
    {
        var planId = await Fx.StartPlanAsync();
        var founders = Fx.FoundersAsConsortium();
        await founders[0].Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("a"), 1));
        await founders[1].Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("b"), 1));
        await Reverts.AssertRevertsAsync("WrongRound", () => founders[0].Ledger.CommitAsync(new RoundCommitment(planId, 1, Hashes.Of("a1"), 1)));
        await AnvilGovernance.SkipToAsync(founders[0], await founders[0].Chain.LatestTimestampAsync() + 601);

        var outcome = await founders[0].Ledger.CommitAsync(new RoundCommitment(planId, 1, Hashes.Of("a1"), 1));

        var closed = Assert.Single(outcome.Events<LedgerEvents.RoundClosed>());
        Assert.Equal(0u, closed.Round);
        Assert.False(closed.Early);
        Assert.Equal(2, closed.Committed);
        var state = await founders[0].Ledger.PlanStateAsync(planId);
        Assert.Equal(1u, state.CurrentRound);
        Assert.Equal(1, state.Committed);
    }

    [Fact]
    public async Task Commit_PastThePrivacyBudget_RevertsAndKeepsTheSpend()
    {
        var planId = await Fx.StartPlanAsync(p => p.EpsilonBudget = 1_000_000);
        var founders = Fx.FoundersAsConsortium();
        await founders[0].Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("a"), 1, 600_000));
        await founders[1].Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("b"), 1, 600_000));
        await founders[2].Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("c"), 1, 600_000));

        var revert = await Reverts.AssertRevertsAsync("PrivacyBudgetExceeded",
            () => founders[0].Ledger.CommitAsync(new RoundCommitment(planId, 1, Hashes.Of("a1"), 1, 400_001)));

        Assert.Equal(1_000_001, (long)(System.Numerics.BigInteger)revert["wouldSpend"]!);
        Assert.Equal(600_000ul, (await founders[0].Ledger.ParticipantAsync(planId, founders[0].Chain.Address)).EpsilonSpent);
        await founders[0].Ledger.CommitAsync(new RoundCommitment(planId, 1, Hashes.Of("a1"), 1, 400_000));
    }
}
