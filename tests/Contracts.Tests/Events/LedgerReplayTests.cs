using System.Numerics;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Client;
using FedChain.Contracts.Events;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using FedChain.Contracts.Tests.Support;
using static FedChain.Contracts.Tests.Support.ConsortiumFixture;

namespace FedChain.Contracts.Tests.Events;

/// <summary>A client started later rebuilds the same ledger state from events alone.</summary>
public sealed class LedgerReplayTests(ConsortiumFixture fixture) : ConsortiumTests(fixture)
{
    [Fact]
    public async Task Replay_FromTheDeploymentBlock_RebuildsWhatALiveFollowerSawAndWhatTheContractsStore()
    {
        var follower = Fx.As(Outsider);
        var live = new LedgerState();
        var reader = new ChainEventReader(follower.Chain, Fx.Addresses);
        var founders = Fx.FoundersAsConsortium();

        // Governance admits a fourth hospital.
        await AnvilGovernance.PassAsync(Proposals.Admit(Fx.Addresses, new MemberInfo(Fx.AddressOf(Candidate), MemberRole.Member, "VA", "127.0.0.1:7004")), founders);
        await live.CatchUpAsync(reader, Fx.Addresses.DeploymentBlock);
        var members = founders.Append(Fx.As(Candidate)).ToList();

        // A three-round plan for all four, scores voted one round later.
        var plan = await Fx.StartPlanAsync(p =>
        {
            p.Invited = members.Select(m => m.Chain.Address).ToList();
            p.Rounds = 3;
            p.ScoresLag = 1;
            p.RewardPerScore = 1_000_000;
        }, optIn: false);
        foreach (var m in members) await m.Ledger.OptInAsync(plan);
        for (var i = 0; i < 4; i++) await members[i].Ledger.CommitAsync(new RoundCommitment(plan, 0, Hashes.Of($"u{i}/0"), (ulong)(100 + i), 300_000));
        await live.CatchUpAsync(reader, Fx.Addresses.DeploymentBlock);

        var scores = new ScoreVector(plan, 0, members.Select(m => m.Chain.Address).ToList(), [400_000, 300_000, 200_000, -50_000]);
        for (var i = 0; i < 4; i++)
        {
            var aggregateVote = Hashes.Of(i == 3 ? "a wrong model" : "model 0");
            await members[i].Ledger.CommitAsync(new RoundCommitment(plan, 1, Hashes.Of($"u{i}/1"), (ulong)(100 + i), 300_000, aggregateVote, scores.Hash()));
        }

        await follower.Ledger.RecordScoresAsync(scores);
        for (var i = 0; i < 3; i++) await members[i].Ledger.CommitAsync(new RoundCommitment(plan, 2, Hashes.Of($"u{i}/2"), 100, 300_000, Hashes.Of("model 1")));
        await AnvilGovernance.SkipToAsync(follower, await follower.Chain.LatestTimestampAsync() + 601);
        await follower.Ledger.AdvanceAsync(plan);
        for (var i = 0; i < 3; i++) await members[i].Ledger.VoteAggregateAsync(plan, 2, Hashes.Of("model 2"));
        await AnvilGovernance.PassAsync(Proposals.ReleaseModel(Fx.Addresses, plan, Hashes.Of("model 2"), Hashes.Of("report")), members.Take(3).ToList());
        await members[1].Membership.UpdateEndpointAsync("10.1.1.1:7002");
        await live.CatchUpAsync(reader, Fx.Addresses.DeploymentBlock);

        // A client started now, knowing only the addresses file, replays everything (small pages).
        using var late = new ChainClient(Fx.Anvil.RpcUrl, null, AnvilProcess.ChainId, new ChainClientOptions { LogPageBlocks = 7 });
        var sut = await LedgerState.ReplayAsync(new ChainEventReader(late, Fx.Addresses), Fx.Addresses.DeploymentBlock);

        Assert.Equal(live.Describe(), sut.Describe());
        Assert.Equal(live.LastBlock, sut.LastBlock);

        var onChainMembers = await follower.Membership.MembersAsync();
        Assert.Equal(onChainMembers.OrderBy(m => m.Address.ToLowerInvariant()).Select(m => (m.Address.ToLowerInvariant(), m.Role, m.Name, m.Endpoint)),
            sut.Members.Values.Select(m => (m.Address.ToLowerInvariant(), m.Role, m.Name, m.Endpoint)));

        var record = sut.Plans[plan];
        var state = await follower.Ledger.PlanStateAsync(plan);
        Assert.Equal((PlanStatus)state.Status, record.Status);
        Assert.Equal(PlanStatus.Completed, record.Status);
        Assert.Equal(state.CurrentRound, record.CurrentRound);
        Assert.Equal(state.Participants, record.Participants.Count);
        Assert.Equal([4, 4, 3], record.Rounds.Select(r => r.Commitments.Count));
        Assert.Equal([true, true, false], record.Rounds.Select(r => r.ClosedEarly));
        foreach (var m in members)
        {
            var address = m.Chain.Address;
            Assert.Equal((await follower.Ledger.ParticipantAsync(plan, address)).EpsilonSpent, record.EpsilonSpent[address.ToLowerInvariant()]);
            Assert.Equal(await follower.Rewards.BalanceAsync(address), sut.RewardBalances.GetValueOrDefault(address.ToLowerInvariant()));
        }

        Assert.Equal(Hashes.Of("model 0"), record.Rounds[0].FinalAggregate);
        Assert.Equal(Hashes.Of("a wrong model"), Assert.Single(record.Rounds[0].Dissents).Hash);
        Assert.Equal((await follower.Ledger.TallyAsync(plan, AgreementKind.Aggregate, 2)).Leading, record.Rounds[2].FinalAggregate);
        Assert.Equal(scores.Scores, record.Rounds[0].RecordedScores!.Scores);
        Assert.Equal(await follower.Ledger.ReleasedModelAsync(plan), record.ReleasedModel);
        Assert.Equal(new BigInteger(400_000), sut.RewardBalances[members[0].Chain.Address.ToLowerInvariant()]);
        Assert.All(sut.Proposals.Values, p => Assert.True(p.Executed));
    }
}
