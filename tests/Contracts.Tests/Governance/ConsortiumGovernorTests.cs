using FedChain.Contracts.Chain;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Membership;
using FedChain.Contracts.Tests.Support;
using static FedChain.Contracts.Tests.Support.ConsortiumFixture;

namespace FedChain.Contracts.Tests.Governance;

public sealed class ConsortiumGovernorTests(ConsortiumFixture fixture) : ConsortiumTests(fixture)
{
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

        await founders[2].Governance.ExecuteAsync(proposal);

        Assert.Equal(ProposalState.Executed, await founders[0].Governance.StateAsync(id));
        Assert.True(await founders[0].Membership.IsMemberAsync(Fx.AddressOf(Candidate)));
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
    public async Task CastVote_ByANonMember_CountsNothing()
    {
        var founders = Fx.FoundersAsConsortium();
        var proposal = AdmitCandidate();
        var id = (await founders[0].Governance.ProposeAsync(proposal)).Id;
        await AnvilGovernance.OpenVotingAsync(founders[0], id);
        await Fx.As(Outsider).Governance.VoteAsync(id, VoteSupport.For);
        await Fx.As(Candidate).Governance.VoteAsync(id, VoteSupport.For);
        await founders[0].Governance.VoteAsync(id, VoteSupport.For);
        await AnvilGovernance.CloseVotingAsync(founders[0], id);

        Assert.Equal(ProposalState.Defeated, await founders[0].Governance.StateAsync(id));
    }
}
