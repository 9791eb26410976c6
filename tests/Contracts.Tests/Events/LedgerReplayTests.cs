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

        // A four-round plan for all four (round 0 is setup), scores voted one round later; the fourth
        // hospital's round-1 blob is voted out as unavailable.
        var plan = await Fx.StartPlanAsync(p =>
        {
            p.Invited = members.Select(m => m.Chain.Address).ToList();
            p.Rounds = 4;
            p.ScoresLag = 1;
        }, optIn: false);
        foreach (var m in members) await m.Ledger.OptInAsync(plan);
        for (var i = 0; i < 4; i++) await members[i].Ledger.CommitAsync(new RoundCommitment(plan, 0, Hashes.Of($"u{i}/0"), (ulong)(100 + i), PinnedHash: Hashes.Of($"secagg {i}")));
        for (var i = 0; i < 4; i++) await members[i].Ledger.CommitAsync(new RoundCommitment(plan, 1, Hashes.Of($"u{i}/1"), (ulong)(100 + i), Hashes.Of("model 0")));
        await live.CatchUpAsync(reader, Fx.Addresses.DeploymentBlock);

        var withheld = members[3].Chain.Address;
        var kept = members.Take(3).Select(m => m.Chain.Address).OrderBy(a => a.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        var all = members.Select(m => m.Chain.Address).OrderBy(a => a.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        ScoreVector Scores(uint round, IReadOnlyList<string> who) => new(plan, round, who, [.. who.Select((_, k) => k == 0 ? 400_000L : -50_000L)]);
        await AnvilGovernance.SkipToAsync(follower, await follower.Chain.LatestTimestampAsync() + 60); // the availability window after round 1
        var ballot = await follower.Ledger.BallotAsync(plan, [withheld]);
        for (var i = 0; i < 4; i++)
        {
            var aggregateVote = Hashes.Of(i == 3 ? "a wrong model" : "model 1");
            await members[i].Ledger.CommitAsync(new RoundCommitment(plan, 2, Hashes.Of($"u{i}/2"), (ulong)(100 + i), aggregateVote, Scores(1, kept).Hash(),
                Hashes.Of($"report {i}/1"), i < 3 ? ballot : default));
        }

        await members[0].Ledger.RecordScoresAsync(Scores(1, kept));
        for (var i = 0; i < 3; i++) await members[i].Ledger.CommitAsync(new RoundCommitment(plan, 3, Hashes.Of($"u{i}/3"), 100, Hashes.Of("model 2"), Scores(2, all).Hash()));
        await AnvilGovernance.SkipToAsync(follower, await follower.Chain.LatestTimestampAsync() + 601);
        await members[0].Ledger.AdvanceAsync(plan);
        for (var i = 0; i < 3; i++)
        {
            await members[i].Ledger.VoteAggregateAsync(plan, 3, Hashes.Of("model 3"));
            await members[i].Ledger.VoteScoresAsync(plan, 3, Scores(3, kept).Hash());
        }

        await members[1].Ledger.PinAsync(plan, 3, Hashes.Of("report 1/3"));
        await members[0].Ledger.RecordScoresAsync(Scores(2, all));
        var settling = await members[0].Ledger.RecordScoresAsync(Scores(3, kept));
        Assert.Single(settling.Events<LedgerEvents.PlanSettled>());
        await AnvilGovernance.PassAsync(Proposals.ReleaseModel(Fx.Addresses, plan, Hashes.Of("model 3"), Hashes.Of("report")), members.Take(3).ToList());
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
        Assert.Equal([4, 4, 4, 3], record.Rounds.Select(r => r.Commitments.Count));
        Assert.Equal([true, true, true, false], record.Rounds.Select(r => r.ClosedEarly));
        foreach (var m in members)
        {
            var address = m.Chain.Address;
            Assert.Equal(await follower.Ledger.EpsilonSpentAsync(plan, address), record.EpsilonSpent[address.ToLowerInvariant()]);
            Assert.Equal(await follower.Ledger.LifetimeSpentAsync(address, Schema), sut.LifetimeSpent(address, Schema));
            Assert.Equal(await follower.Rewards.BalanceAsync(address), sut.RewardBalances.GetValueOrDefault(address.ToLowerInvariant()));
            Assert.Equal((await follower.Ledger.ParticipantAsync(plan, address)).Index, record.Indexes[address.ToLowerInvariant()]);
        }

        Assert.Equal(Hashes.Of("model 1"), record.Rounds[1].FinalAggregate);
        Assert.Equal(Hashes.Of("a wrong model"), Assert.Single(record.Rounds[1].Dissents).Hash);
        Assert.Equal((await follower.Ledger.TallyAsync(plan, AgreementKind.Aggregate, 3)).Leading, record.Rounds[3].FinalAggregate);
        Assert.Equal(withheld.ToLowerInvariant(), Assert.Single(record.Rounds[1].Excluded));
        Assert.True((await follower.Ledger.ExclusionAsync(plan, 1, withheld)).Excluded);
        Assert.Equal(3, record.Rounds[1].ExclusionBallots.Count);
        Assert.Equal(kept.Select(a => a.ToLowerInvariant()), record.Rounds[1].Members);
        Assert.Equal(Hashes.Of("report 2/1"), record.Rounds[1].ReportPins[members[2].Chain.Address.ToLowerInvariant()]);
        Assert.Equal(Hashes.Of("report 1/3"), record.Rounds[3].ReportPins[members[1].Chain.Address.ToLowerInvariant()]);
        Assert.Equal(Hashes.Of("secagg 3"), record.SecureAggregationPins[withheld.ToLowerInvariant()]);
        Assert.Equal([-50_000L, -50_000], record.Rounds[1].RecordedScores!.Scores.Skip(1));
        Assert.Equal(await follower.Ledger.ReleasedModelAsync(plan), record.ReleasedModel);
        Assert.Equal((await follower.Ledger.PlanConfigAsync(plan)).Minted, record.Settled);
        Assert.Equal(EpsilonPerRound * 3ul, record.EpsilonSpent[members[0].Chain.Address.ToLowerInvariant()]);
        Assert.All(sut.Proposals.Values, p => Assert.True(p.Executed && p.Eta is not null));
    }
}
