using FedChain.Contracts.Chain;
using FedChain.Contracts.Governance;
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
            new LedgerFunctions.StartPlan { Params = Fx.Plan() }));
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
        var planId = await Fx.StartPlanAsync(p => p.Invited = [Fx.AddressOf(Founders[0]), Fx.AddressOf(Founders[2])], optIn: false);

        await Reverts.AssertRevertsAsync("NotInvited", () => Fx.As(Founders[1]).Ledger.OptInAsync(planId));
    }

    [Fact]
    public async Task Advance_AfterEnrolment_StartsWithThoseWhoOptedIn()
    {
        var planId = await Fx.StartPlanAsync(optIn: false);
        var founder = Fx.As(Founders[0]);
        await founder.Ledger.OptInAsync(planId);
        await Fx.As(Founders[1]).Ledger.OptInAsync(planId);
        await Reverts.AssertRevertsAsync("NothingToAdvance", () => founder.Ledger.AdvanceAsync(planId));
        await AnvilGovernance.SkipToAsync(founder, await founder.Chain.LatestTimestampAsync() + 600);

        await founder.Ledger.AdvanceAsync(planId);

        var state = await founder.Ledger.PlanStateAsync(planId);
        Assert.Equal((byte)PlanStatus.Running, state.Status);
        Assert.Equal(2, state.Participants);
        await Reverts.AssertRevertsAsync("PlanNotEnrolling", () => Fx.As(Founders[2]).Ledger.OptInAsync(planId));
    }

    [Fact]
    public async Task Advance_AfterEnrolment_BelowTheMinimumParticipants_CancelsThePlan()
    {
        var planId = await Fx.StartPlanAsync(optIn: false);
        var founder = Fx.As(Founders[0]);
        await founder.Ledger.OptInAsync(planId);
        await AnvilGovernance.SkipToAsync(founder, await founder.Chain.LatestTimestampAsync() + 600);

        var outcome = await founder.Ledger.AdvanceAsync(planId);

        Assert.Single(outcome.Events<LedgerEvents.PlanCancelled>());
        Assert.Equal((byte)PlanStatus.Cancelled, (await founder.Ledger.PlanStateAsync(planId)).Status);
        await Reverts.AssertRevertsAsync("PlanNotRunning", () => founder.Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("alone"), 1)));
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

        var last = await founders[2].Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("c"), 123, PinnedHash: Hashes.Of("secagg keys and shares")));

        var committed = Assert.Single(last.Events<LedgerEvents.Committed>());
        Assert.Equal(Hashes.Of("c"), committed.BlobHash);
        Assert.Equal(123ul, committed.SampleCount);
        Assert.Equal(0ul, committed.EpsilonSpent); // round 0 is the setup round
        Assert.Equal(Hashes.Of("secagg keys and shares"), committed.PinnedHash);
        var closed = Assert.Single(last.Events<LedgerEvents.RoundClosed>());
        Assert.True(closed.Early);
        Assert.Equal(3, closed.Committed);
        Assert.Equal(1u, Assert.Single(last.Events<LedgerEvents.RoundOpened>()).Round);
        Assert.Equal(3, await founders[0].Ledger.RoundCommittersAsync(planId, 0));
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
    public async Task Commit_InATrainingRound_IsChargedThePlansEpsilon_PastThePlanBudgetReverts()
    {
        var planId = await Fx.StartPlanAsync(p => p.EpsilonBudget = 2 * EpsilonPerRound);
        var founders = Fx.FoundersAsConsortium();
        for (uint r = 0; r < 3; r++)
        {
            for (var i = 0; i < 3; i++) await founders[i].Ledger.CommitAsync(new RoundCommitment(planId, r, Hashes.Of($"{i}/{r}"), 1));
        }

        var revert = await Reverts.AssertRevertsAsync("PrivacyBudgetExceeded",
            () => founders[0].Ledger.CommitAsync(new RoundCommitment(planId, 3, Hashes.Of("0/3"), 1)));

        Assert.Equal(3 * EpsilonPerRound, (long)(System.Numerics.BigInteger)revert["wouldSpend"]!);
        Assert.Equal(2ul * EpsilonPerRound, await founders[0].Ledger.EpsilonSpentAsync(planId, founders[0].Chain.Address));
        Assert.Equal(2ul * EpsilonPerRound, await founders[0].Ledger.LifetimeSpentAsync(founders[0].Chain.Address, Schema));
    }

    [Fact]
    public async Task Commit_PastTheLifetimeBudgetGovernanceSet_Reverts_AndTheViewSaysThePlanDoesNotFit()
    {
        var founders = Fx.FoundersAsConsortium();
        await AnvilGovernance.PassAsync(Proposals.Settings(Fx.Addresses, new SettingsChange { LifetimeBudgets = [(Schema, EpsilonPerRound)] }), founders);
        var planId = await Fx.StartPlanAsync();
        Assert.Equal(EpsilonPerRound, await founders[0].Ledger.LifetimeBudgetAsync(Schema));
        var fit = await founders[0].Ledger.FitsLifetimeBudgetAsync(planId, founders[0].Chain.Address);
        Assert.False(fit.Fits);
        Assert.Equal(EpsilonPerRound, fit.Remaining);
        Assert.Equal(9 * EpsilonPerRound, fit.Cost);
        for (uint r = 0; r < 2; r++)
        {
            for (var i = 0; i < 3; i++) await founders[i].Ledger.CommitAsync(new RoundCommitment(planId, r, Hashes.Of($"{i}/{r}"), 1));
        }

        var revert = await Reverts.AssertRevertsAsync("LifetimeBudgetExceeded",
            () => founders[0].Ledger.CommitAsync(new RoundCommitment(planId, 2, Hashes.Of("0/2"), 1)));

        Assert.Equal(Schema, (byte[])revert["dataset"]!);
    }

    [Fact]
    public async Task Commit_WithAZeroBlobHash_OrSamplesOutsideItsLimit_Reverts()
    {
        var planId = await Fx.StartPlanAsync(p => p.MaxSamples = [500, 1_000, 1_000]);
        var founder = Fx.As(Founders[0]);

        await Reverts.AssertRevertsAsync("ZeroHash", () => founder.Ledger.CommitAsync(new RoundCommitment(planId, 0, new byte[32], 1)));
        await Reverts.AssertRevertsAsync("SampleCountOutOfRange", () => founder.Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("none"), 0)));
        var revert = await Reverts.AssertRevertsAsync("SampleCountOutOfRange", () => founder.Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("too many"), (1UL << 63) + 5)));

        Assert.Equal(500ul, (ulong)(System.Numerics.BigInteger)revert["maxSamples"]!);
        await founder.Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("at the limit"), 500));
    }
}
