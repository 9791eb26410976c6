using System.Numerics;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using FedChain.Contracts.Tests.Support;
using static FedChain.Contracts.Tests.Support.ConsortiumFixture;

namespace FedChain.Contracts.Tests.Membership;

public sealed class MembershipRegistryTests(ConsortiumFixture fixture) : ConsortiumTests(fixture)
{
    [Fact]
    public async Task Members_AfterBootstrap_ListsTheFoundersWithOneVoteEach()
    {
        var sut = Fx.As(Outsider);

        var members = await sut.Membership.MembersAsync();

        Assert.Equal(FounderNames, members.Select(m => m.Name));
        Assert.All(members, m => Assert.Equal(MemberRole.Member, m.Role));
        Assert.Equal(Founders.Select(Fx.AddressOf), members.Select(m => m.Address));
        Assert.Equal("127.0.0.1:7002", members[1].Endpoint);
        foreach (var m in members)
        {
            Assert.Equal(BigInteger.One, await sut.Chain.CallAsync<MembershipFunctions.GetVotes, BigInteger>(
                Fx.Addresses.MembershipRegistry, new() { Account = m.Address }));
        }
    }

    [Fact]
    public async Task Admit_ByAMemberWithoutGovernance_RevertsNotGovernance()
    {
        var founder = Fx.As(Founders[0]);

        var revert = await Reverts.AssertRevertsAsync("NotGovernance", () => founder.Chain.SendAsync(Fx.Addresses.MembershipRegistry,
            new MembershipFunctions.Admit { Account = Fx.AddressOf(Candidate), Role = 1, Name = "VA", Endpoint = "x" }));

        Assert.Equal(Fx.AddressOf(Founders[0]).ToLowerInvariant(), ((string)revert["caller"]!).ToLowerInvariant());
        Assert.False(await founder.Membership.IsMemberAsync(Fx.AddressOf(Candidate)));
    }

    [Fact]
    public async Task Remove_ByTheDeployerWithoutGovernance_RevertsNotGovernance()
    {
        var deployer = Fx.As(Deployer);

        await Reverts.AssertRevertsAsync("NotGovernance", () => deployer.Chain.SendAsync(Fx.Addresses.MembershipRegistry,
            new MembershipFunctions.Remove { Account = Fx.AddressOf(Founders[0]) }));
    }

    [Fact]
    public async Task Bootstrap_Twice_RevertsAlreadyBootstrapped()
    {
        var deployer = Fx.As(Deployer);

        await Reverts.AssertRevertsAsync("AlreadyBootstrapped", () => deployer.Chain.SendAsync(Fx.Addresses.MembershipRegistry,
            new MembershipFunctions.Bootstrap { Governance = Fx.AddressOf(Deployer), Listener = Fx.AddressOf(Deployer), Accounts = [Fx.AddressOf(Candidate)], Roles = [1], Names = ["VA"], Endpoints = [""] }));
    }

    [Fact]
    public async Task MembershipToken_CannotBeTransferredNorItsVoteDelegated()
    {
        var founder = Fx.As(Founders[0]);
        var tokenId = new BigInteger(Convert.FromHexString(Fx.AddressOf(Founders[0])[2..]), isUnsigned: true, isBigEndian: true);

        await Reverts.AssertRevertsAsync("MembershipNotTransferable", () => founder.Chain.SendAsync(Fx.Addresses.MembershipRegistry,
            new MembershipFunctions.TransferFrom { From = Fx.AddressOf(Founders[0]), To = Fx.AddressOf(Founders[1]), TokenId = tokenId }));
        await Reverts.AssertRevertsAsync("VoteDelegationDisabled", () => founder.Chain.SendAsync(Fx.Addresses.MembershipRegistry,
            new MembershipFunctions.Delegate { Delegatee = Fx.AddressOf(Founders[1]) }));
    }

    [Fact]
    public async Task Admit_ThroughAGovernanceVote_AddsAVotingMember()
    {
        var candidate = new MemberInfo(Fx.AddressOf(Candidate), MemberRole.Member, "VA Long Beach", "127.0.0.1:7004");

        await AnvilGovernance.PassAsync(Proposals.Admit(Fx.Addresses, candidate), Fx.FoundersAsConsortium());

        var sut = Fx.As(Candidate);
        var members = await sut.Membership.MembersAsync();
        Assert.Equal(4, members.Count);
        Assert.Equal(candidate with { Address = members[3].Address }, members[3]);
        Assert.Equal(candidate.Address.ToLowerInvariant(), members[3].Address.ToLowerInvariant());
        await AnvilGovernance.SkipToAsync(sut, await sut.Chain.LatestTimestampAsync() + 1);
        Assert.Equal(BigInteger.One, await sut.Chain.CallAsync<MembershipFunctions.GetVotes, BigInteger>(
            Fx.Addresses.MembershipRegistry, new() { Account = candidate.Address }));
    }

    [Fact]
    public async Task Remove_ThroughAGovernanceVote_EndsMembershipAndPlanParticipation()
    {
        var planId = await Fx.StartPlanAsync();
        var leaving = Fx.AddressOf(Founders[2]);

        await AnvilGovernance.PassAsync(Proposals.Remove(Fx.Addresses, leaving), Fx.FoundersAsConsortium());

        var sut = Fx.As(Founders[0]);
        Assert.False(await sut.Membership.IsMemberAsync(leaving));
        Assert.Equal(2, (await sut.Membership.MembersAsync()).Count);
        Assert.Equal(2, (await sut.Ledger.PlanStateAsync(planId)).Participants);
        await Reverts.AssertRevertsAsync("NotParticipant", () => Fx.As(Founders[2]).Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of("x"), 10)));
    }

    [Fact]
    public async Task UpdateEndpoint_ByAMember_ChangesItsEndpoint_ByAnOutsider_Reverts()
    {
        var founder = Fx.As(Founders[1]);

        await founder.Membership.UpdateEndpointAsync("10.0.0.2:9000");

        Assert.Equal("10.0.0.2:9000", (await founder.Membership.MembersAsync())[1].Endpoint);
        await Reverts.AssertRevertsAsync("NotRegistered", () => Fx.As(Outsider).Membership.UpdateEndpointAsync("evil:1"));
        await Reverts.AssertRevertsAsync("EndpointTooLong", () => founder.Membership.UpdateEndpointAsync(new string('x', 261)));
    }
}
