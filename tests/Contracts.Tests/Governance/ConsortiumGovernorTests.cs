using FedChain.Contracts.Chain;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Membership;
using FedChain.Contracts.Tests.Support;
using static FedChain.Contracts.Tests.Support.ConsortiumFixture;

namespace FedChain.Contracts.Tests.Governance;

public sealed class ConsortiumGovernorTests(ConsortiumFixture fixture) : ConsortiumTests(fixture)
{
    /// <summary>Proposes, has every founder vote For, and closes the vote: the proposal has passed, not yet queued.</summary>
    private static async Task<System.Numerics.BigInteger> PassedVoteAsync(Proposal proposal, IReadOnlyList<Consortium> founders)
    {
        var id = (await founders[0].Governance.ProposeAsync(proposal)).Id;
        await AnvilGovernance.OpenVotingAsync(founders[0], id);
        foreach (var f in founders) await f.Governance.VoteAsync(id, VoteSupport.For);
        await AnvilGovernance.CloseVotingAsync(founders[0], id);
        return id;
    }

    private Proposal AdmitCandidate() =>
        Proposals.Admit(Fx.Addresses, new MemberInfo(Fx.AddressOf(Candidate), MemberRole.Member, "VA", "127.0.0.1:7004"));

    [Fact]
    public async Task Execute_WithoutQuorum_RevertsAndChangesNothing()
    {
        var founders = Fx.FoundersAsConsortium();
        var proposal = AdmitCandidate();
        var id = (await founders[0].Governance.ProposeAsync(proposal)).Id;
        await AnvilGovernance.OpenVotingAsync(founders[0], id);
        await founders[0].Governance.VoteAsync(id, VoteSupport.For); // 1 of 3; quorum is ceil(3 * 51 %) = 2
        await AnvilGovernance.CloseVotingAsync(founders[0], id);

        Assert.Equal(ProposalState.Defeated, await founders[0].Governance.StateAsync(id));
        var revert = await Reverts.AssertRevertsAsync("GovernorUnexpectedProposalState", () => founders[0].Governance.ExecuteAsync(proposal));
        Assert.Equal((int)ProposalState.Defeated, (int)(System.Numerics.BigInteger)revert["current"]!);
        Assert.False(await founders[0].Membership.IsMemberAsync(Fx.AddressOf(Candidate)));
    }

    [Fact]
    public async Task Execute_WithAMajority_Executes()
    {
        var founders = Fx.FoundersAsConsortium();
        var proposal = AdmitCandidate();
        var id = (await founders[0].Governance.ProposeAsync(proposal)).Id;
        await AnvilGovernance.OpenVotingAsync(founders[0], id);
        await founders[0].Governance.VoteAsync(id, VoteSupport.For);
        await founders[1].Governance.VoteAsync(id, VoteSupport.For);
        await founders[2].Governance.VoteAsync(id, VoteSupport.Against);
        await AnvilGovernance.CloseVotingAsync(founders[0], id);
        Assert.Equal(ProposalState.Succeeded, await founders[0].Governance.StateAsync(id));
        Assert.True(await founders[0].Governance.ProposalNeedsQueuingAsync(id));
        await Reverts.AssertRevertsAsync("GovernorUnexpectedProposalState", () => founders[2].Governance.ExecuteAsync(proposal)); // not queued

        await Fx.As(Outsider).Governance.QueueAsync(proposal); // anyone may queue and execute a passed proposal
        Assert.Equal(ProposalState.Queued, await founders[0].Governance.StateAsync(id));
        var eta = await founders[0].Governance.EtaAsync(id);
        await Reverts.AssertRevertsAsync("TimelockUnexpectedOperationState", () => founders[2].Governance.ExecuteAsync(proposal)); // before its ETA
        await AnvilGovernance.SkipToAsync(founders[0], eta);
        await founders[2].Governance.ExecuteAsync(proposal);

        Assert.Equal(ProposalState.Executed, await founders[0].Governance.StateAsync(id));
        Assert.True(await founders[0].Membership.IsMemberAsync(Fx.AddressOf(Candidate)));
        Assert.Equal(proposal.Id, id);
    }

    [Fact]
    public async Task CastVote_Twice_RevertsAlreadyCastVote()
    {
        var founder = Fx.As(Founders[0]);
        var id = (await founder.Governance.ProposeAsync(AdmitCandidate())).Id;
        await AnvilGovernance.OpenVotingAsync(founder, id);
        await founder.Governance.VoteAsync(id, VoteSupport.For);

        await Reverts.AssertRevertsAsync("GovernorAlreadyCastVote", () => founder.Governance.VoteAsync(id, VoteSupport.For));
    }

    [Fact]
    public async Task Propose_ByANonMember_RevertsInsufficientProposerVotes()
    {
        var outsider = Fx.As(Outsider);

        await Reverts.AssertRevertsAsync("GovernorInsufficientProposerVotes", () => outsider.Governance.ProposeAsync(AdmitCandidate()));
    }

    [Fact]
    public async Task CastVote_ByANonMember_RevertsNotAMember()
    {
        var founders = Fx.FoundersAsConsortium();
        var id = (await founders[0].Governance.ProposeAsync(AdmitCandidate())).Id;
        await AnvilGovernance.OpenVotingAsync(founders[0], id);

        await Reverts.AssertRevertsAsync("GovernorNotAMember", () => Fx.As(Outsider).Governance.VoteAsync(id, VoteSupport.For));
        await Reverts.AssertRevertsAsync("GovernorNotAMember", () => Fx.As(Candidate).Governance.VoteAsync(id, VoteSupport.For));
    }

    [Fact]
    public async Task Abstain_DoesNotCountTowardsQuorum()
    {
        var founders = Fx.FoundersAsConsortium();
        var id = (await founders[0].Governance.ProposeAsync(AdmitCandidate())).Id;
        await AnvilGovernance.OpenVotingAsync(founders[0], id);
        await founders[0].Governance.VoteAsync(id, VoteSupport.For);
        await founders[1].Governance.VoteAsync(id, VoteSupport.Abstain);
        await founders[2].Governance.VoteAsync(id, VoteSupport.Abstain);
        await AnvilGovernance.CloseVotingAsync(founders[0], id);

        Assert.Equal(ProposalState.Defeated, await founders[0].Governance.StateAsync(id));
        Assert.Equal(new ProposalVotes(0, 1, 2), await founders[0].Governance.VotesAsync(id));
    }

    [Fact]
    public async Task AVoteByAMemberRemovedSince_StopsCounting()
    {
        var founders = Fx.FoundersAsConsortium();
        var removal = Proposals.Remove(Fx.Addresses, founders[2].Chain.Address);
        var removalId = (await founders[0].Governance.ProposeAsync(removal)).Id;
        await new AnvilControl(founders[0].Chain).IncreaseTimeAsync(5);
        var admission = AdmitCandidate();
        var admissionId = (await founders[0].Governance.ProposeAsync(admission)).Id;
        await AnvilGovernance.OpenVotingAsync(founders[0], removalId);
        await founders[0].Governance.VoteAsync(removalId, VoteSupport.For);
        await founders[1].Governance.VoteAsync(removalId, VoteSupport.For);
        await AnvilGovernance.OpenVotingAsync(founders[0], admissionId);
        await founders[2].Governance.VoteAsync(admissionId, VoteSupport.For);
        Assert.Equal(new ProposalVotes(0, 1, 0), await founders[0].Governance.VotesAsync(admissionId));

        await AnvilGovernance.CloseVotingAsync(founders[0], removalId);
        await AnvilGovernance.QueueAndExecuteAsync(founders[0], removal);

        Assert.Equal(new ProposalVotes(0, 0, 0), await founders[0].Governance.VotesAsync(admissionId));
        Assert.Equal([founders[2].Chain.Address.ToLowerInvariant()], (await founders[0].Governance.VotersAsync(admissionId)).Select(v => v.ToLowerInvariant()));
        await founders[0].Governance.VoteAsync(admissionId, VoteSupport.For);
        await AnvilGovernance.CloseVotingAsync(founders[0], admissionId);
        Assert.Equal(ProposalState.Defeated, await founders[0].Governance.StateAsync(admissionId)); // 1 For of a quorum of 2
    }

    [Fact]
    public async Task APassedProposal_NotQueuedWithinTheGracePeriod_Expires()
    {
        var founders = Fx.FoundersAsConsortium();
        var proposal = AdmitCandidate();
        var id = await PassedVoteAsync(proposal, founders);
        var expiry = await founders[0].Governance.ExpiryAsync(id);
        Assert.Equal(await founders[0].Governance.DeadlineAsync(id) + Fx.Options.GracePeriodSeconds, expiry);

        await AnvilGovernance.SkipToAsync(founders[0], expiry + 1);

        Assert.Equal(ProposalState.Expired, await founders[0].Governance.StateAsync(id));
        await Reverts.AssertRevertsAsync("GovernorUnexpectedProposalState", () => Fx.As(Outsider).Governance.QueueAsync(proposal));
    }

    [Fact]
    public async Task TheGuardian_CancelsAQueuedProposal_AnOutsiderCannot()
    {
        var founders = Fx.FoundersAsConsortium();
        var proposal = AdmitCandidate();
        var id = await PassedVoteAsync(proposal, founders);
        await founders[0].Governance.QueueAsync(proposal);

        await Reverts.AssertRevertsAsync("AccessControlUnauthorizedAccount", () => Fx.As(Outsider).Governance.GuardianCancelAsync(proposal));
        await Fx.As(Guardian).Governance.GuardianCancelAsync(proposal);

        Assert.Equal(ProposalState.Canceled, await founders[0].Governance.StateAsync(id));
        Assert.False(await founders[0].Membership.IsMemberAsync(Fx.AddressOf(Candidate)));
    }

    [Fact]
    public async Task Status_DescribesAProposalThroughItsVoteAndTheTimelock()
    {
        var founders = Fx.FoundersAsConsortium();
        var proposal = AdmitCandidate();
        var id = (await founders[0].Governance.ProposeAsync(proposal)).Id;
        var pending = await Fx.As(Outsider).Governance.StatusAsync(id);
        Assert.Equal((ProposalState.Pending, 0L, 0, 2, true), (pending.State, pending.Eta, pending.Voters.Count, (int)pending.Quorum, pending.NeedsQueuing));
        Assert.Equal(founders[0].Chain.Address.ToLowerInvariant(), pending.Proposer.ToLowerInvariant());
        Assert.Equal(pending.Snapshot + Fx.Options.VotingPeriodSeconds, pending.Deadline);

        await AnvilGovernance.OpenVotingAsync(founders[0], id);
        await founders[0].Governance.VoteAsync(id, VoteSupport.For);
        await founders[1].Governance.VoteAsync(id, VoteSupport.Against);
        await founders[2].Governance.VoteAsync(id, VoteSupport.For);
        await AnvilGovernance.CloseVotingAsync(founders[0], id);
        await founders[0].Governance.QueueAsync(proposal);
        var queued = await Fx.As(Outsider).Governance.StatusAsync(id);

        Assert.Equal(ProposalState.Queued, queued.State);
        Assert.Equal(new ProposalVotes(1, 2, 0), queued.Votes);
        Assert.Equal(3, queued.Voters.Count);
        Assert.True(queued.Eta > queued.Deadline);
        Assert.Equal(queued.Eta + Fx.Options.GracePeriodSeconds, queued.Expiry);
        Assert.Equal(pending.Deadline, queued.Deadline); // quorum came early in the vote: no extension
    }

    [Fact]
    public async Task Settings_BelowTheirFloors_FailToExecute_AtOrAboveThemApply()
    {
        var founders = Fx.FoundersAsConsortium();

        await Reverts.AssertRevertsAsync("BelowFloor", () => AnvilGovernance.PassAsync(Proposals.Settings(Fx.Addresses, new SettingsChange { QuorumPercent = 50 }), founders));
        await Reverts.AssertRevertsAsync("BelowFloor", () => AnvilGovernance.PassAsync(Proposals.Settings(Fx.Addresses, new SettingsChange { VotingPeriodSeconds = 9 }), founders));
        await Reverts.AssertRevertsAsync("DelayBelowFloor", () => AnvilGovernance.PassAsync(Proposals.Settings(Fx.Addresses, new SettingsChange { TimelockDelaySeconds = 0 }), founders));
        await AnvilGovernance.PassAsync(Proposals.Settings(Fx.Addresses, new SettingsChange
        {
            QuorumPercent = 67,
            VotingDelaySeconds = 2,
            VotingPeriodSeconds = 30,
            LateQuorumExtensionSeconds = 5,
            TimelockDelaySeconds = 3,
            DefaultLifetimeBudgetMicro = 7_000_000,
            MaxRewardPool = 1_000,
        }), founders);

        Assert.Equal(new GovernanceSettings(2, 30, 67, 5, 3, Fx.Options.GracePeriodSeconds), await founders[0].Governance.SettingsAsync());
        Assert.Equal(7_000_000ul, await founders[0].Ledger.DefaultLifetimeBudgetAsync());
        Assert.Equal(new System.Numerics.BigInteger(1_000), await founders[0].Ledger.MaxRewardPoolAsync());
        await Reverts.AssertRevertsAsync("InvalidPlanParameter", () => Fx.StartPlanAsync(optIn: false)); // its pool is past the new cap
    }

    [Fact]
    public async Task Deployment_LeavesTheDeployerNoTimelockRole_AndTheGovernorItsOwn()
    {
        var sut = Fx.As(Outsider).Chain;

        async Task<bool> HasRole(byte[] role, string account) =>
            await sut.CallAsync<TimelockFunctions.HasRole, bool>(Fx.Addresses.Timelock, new() { Role = role, Account = account });

        Assert.False(await HasRole(TimelockRoles.Admin, Fx.AddressOf(Deployer)));
        Assert.True(await HasRole(TimelockRoles.Admin, Fx.Addresses.Timelock));
        Assert.True(await HasRole(TimelockRoles.Proposer, Fx.Addresses.Governor));
        Assert.True(await HasRole(TimelockRoles.Executor, Fx.Addresses.Governor));
        Assert.True(await HasRole(TimelockRoles.Canceller, Fx.AddressOf(Guardian)));
        Assert.False(await HasRole(TimelockRoles.Proposer, Fx.AddressOf(Guardian)));
    }
}
