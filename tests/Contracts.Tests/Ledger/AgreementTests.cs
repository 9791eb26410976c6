using FedChain.Contracts.Ledger;
using FedChain.Contracts.Tests.Support;
using static FedChain.Contracts.Tests.Support.ConsortiumFixture;

namespace FedChain.Contracts.Tests.Ledger;

public sealed class AgreementTests(ConsortiumFixture fixture) : ConsortiumTests(fixture)
{
    private static RoundCommitment Commit(System.Numerics.BigInteger plan, uint round, string who, byte[]? aggregate = null, byte[]? scores = null) =>
        new(plan, round, Hashes.Of($"{who}/{round}"), 100, aggregate, scores);

    private async Task<(System.Numerics.BigInteger Plan, IReadOnlyList<Consortium> Founders)> PlanPastRoundZeroAsync()
    {
        var plan = await Fx.StartPlanAsync();
        var founders = Fx.FoundersAsConsortium();
        for (var i = 0; i < 3; i++) await founders[i].Ledger.CommitAsync(Commit(plan, 0, $"m{i}"));
        return (plan, founders);
    }

    [Fact]
    public async Task AggregateVotes_ReachingQuorum_FinaliseTheAggregate()
    {
        var (plan, founders) = await PlanPastRoundZeroAsync();
        var model = Hashes.Of("global model after round 0");

        var first = await founders[0].Ledger.CommitAsync(Commit(plan, 1, "m0", model));
        var second = await founders[1].Ledger.CommitAsync(Commit(plan, 1, "m1", model));

        Assert.Empty(first.Events<LedgerEvents.AggregateFinalised>());
        var finalised = Assert.Single(second.Events<LedgerEvents.AggregateFinalised>());
        Assert.Equal(0u, finalised.Round);
        Assert.Equal(model, finalised.AggregateHash);
        Assert.Equal(2, finalised.Votes);
        var tally = await founders[0].Ledger.TallyAsync(plan, AgreementKind.Aggregate, 0);
        Assert.True(tally.Agreed);
        Assert.Equal(model, tally.Leading);
    }

    [Fact]
    public async Task AggregateVote_ThatDisagrees_IsRecordedAsDissent()
    {
        var (plan, founders) = await PlanPastRoundZeroAsync();
        var model = Hashes.Of("honest model");
        await founders[0].Ledger.CommitAsync(Commit(plan, 1, "m0", model));
        await founders[1].Ledger.CommitAsync(Commit(plan, 1, "m1", model));

        var outcome = await founders[2].Ledger.CommitAsync(Commit(plan, 1, "m2", Hashes.Of("a different model")));

        var dissent = Assert.Single(outcome.Events<LedgerEvents.Dissent>());
        Assert.Equal(founders[2].Chain.Address.ToLowerInvariant(), dissent.Voter.ToLowerInvariant());
        Assert.Equal(Hashes.Of("a different model"), dissent.Hash);
        Assert.Equal(model, dissent.LeadingHash);
        Assert.Equal(model, (await founders[0].Ledger.TallyAsync(plan, AgreementKind.Aggregate, 0)).Leading);
    }

    [Fact]
    public async Task AggregateVote_Twice_RevertsAlreadyVoted()
    {
        var (plan, founders) = await PlanPastRoundZeroAsync();
        await founders[0].Ledger.CommitAsync(Commit(plan, 1, "m0", Hashes.Of("model")));

        await Reverts.AssertRevertsAsync("AlreadyVoted", () => founders[0].Ledger.VoteAggregateAsync(plan, 0, Hashes.Of("model")));
    }

    [Fact]
    public async Task AggregateVote_ForARoundStillOpen_RevertsVoteOutOfWindow()
    {
        var (plan, founders) = await PlanPastRoundZeroAsync();

        await Reverts.AssertRevertsAsync("VoteOutOfWindow", () => founders[0].Ledger.VoteAggregateAsync(plan, 1, Hashes.Of("model")));
    }

    [Fact]
    public async Task AggregateVote_InRoundZero_RevertsUnexpectedVote()
    {
        var plan = await Fx.StartPlanAsync();

        await Reverts.AssertRevertsAsync("UnexpectedVote", () => Fx.As(Founders[0]).Ledger.CommitAsync(Commit(plan, 0, "m0", Hashes.Of("nothing to vote on"))));
    }
}
