using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Tests.Support;
using static FedChain.Contracts.Tests.Support.ConsortiumFixture;

namespace FedChain.Contracts.Tests.Ledger;

/// <summary>Analysis plans through the C# client on anvil: the same start path with kind 1, an early
/// close by a quorum of equal result hashes, one epsilon charge, and the replay that shows it.</summary>
public sealed class AnalysisPlanTests(ConsortiumFixture fixture) : ConsortiumTests(fixture)
{
    private const uint AnalysisEpsilon = 300_000;

    private Task<System.Numerics.BigInteger> StartAnalysisAsync() => Fx.StartPlanAsync(p =>
    {
        p.Kind = (byte)PlanKind.Analysis;
        p.Rounds = 8;
        p.SetupRounds = 0;
        p.RewardPool = 0;
        p.EpsilonPerRound = AnalysisEpsilon;
        p.EpsilonBudget = AnalysisEpsilon;
        p.MaxSamples = [1, 1, 1];
    });

    private async Task RoundAsync(System.Numerics.BigInteger planId, int round)
    {
        foreach (var f in Fx.FoundersAsConsortium())
            await f.Ledger.CommitAsync(new RoundCommitment(planId, (uint)round, Hashes.Of($"statistics {f.Chain.Address} {round}"), 1,
                round == 0 ? null : Hashes.Of($"sum {round - 1}"), null));
    }

    [Fact]
    public async Task VoteResult_ByAQuorumOfEqualHashes_CompletesThePlanEarly_AndTheReplayShowsIt()
    {
        var planId = await StartAnalysisAsync();
        for (var r = 0; r < 3; r++) await RoundAsync(planId, r);
        var founders = Fx.FoundersAsConsortium();
        var result = Hashes.Of("analysis.json");

        var first = await founders[0].Ledger.VoteResultAsync(planId, 2, result);
        var second = await founders[1].Ledger.VoteResultAsync(planId, 2, result);

        Assert.Empty(first.Events<LedgerEvents.ResultAgreed>());
        var agreed = Assert.Single(second.Events<LedgerEvents.ResultAgreed>());
        Assert.Equal((2u, (ushort)2), (agreed.Round, agreed.Votes));
        Assert.Single(second.Events<LedgerEvents.PlanCompleted>());
        var view = await founders[0].Ledger.AgreedResultAsync(planId);
        Assert.Equal(result, view.Hash);
        Assert.True(view.Agreed);
        var state = await founders[0].Ledger.PlanStateAsync(planId);
        Assert.Equal(((byte)PlanStatus.Completed, 3u, 8u, (byte)PlanKind.Analysis), (state.Status, state.CurrentRound, state.TotalRounds, state.Kind));
        await Reverts.AssertRevertsAsync("PlanNotRunning", () => founders[2].Ledger.CommitAsync(new RoundCommitment(planId, 3, Hashes.Of("late"), 1, Hashes.Of("sum 2"), null)));

        var replay = await LedgerState.ReplayAsync(new ChainEventReader(founders[0].Chain, Fx.Addresses), Fx.Addresses.DeploymentBlock);
        var plan = replay.Plans[planId];
        Assert.Equal(PlanKind.Analysis, plan.Kind);
        Assert.Equal(PlanStatus.Completed, plan.Status);
        Assert.Equal(result, plan.AgreedResult!.ResultHash);
        Assert.Equal(2u, plan.AgreedResult.Round);
        Assert.Equal(2, plan.ResultVotes.Count);
        Assert.True(plan.Rounds[3].Closed);
        Assert.Empty(plan.Rounds[3].Commitments);
    }

    [Fact]
    public async Task AnalysisPlan_IsChargedItsEpsilonOnce_OnTheFirstRound()
    {
        var planId = await StartAnalysisAsync();
        for (var r = 0; r < 4; r++) await RoundAsync(planId, r);
        var founder = Fx.As(Founders[0]);

        Assert.Equal(AnalysisEpsilon, await founder.Ledger.EpsilonSpentAsync(planId, founder.Chain.Address));
        Assert.Equal(AnalysisEpsilon, await founder.Ledger.LifetimeSpentAsync(founder.Chain.Address, Schema));
        Assert.Equal(AnalysisEpsilon, await founder.Ledger.PlanEpsilonCostAsync(planId));
    }

    [Fact]
    public async Task VoteResult_OnATrainingPlan_RevertsNotAnAnalysis()
    {
        var planId = await Fx.StartPlanAsync();
        foreach (var f in Fx.FoundersAsConsortium()) await f.Ledger.CommitAsync(new RoundCommitment(planId, 0, Hashes.Of($"moments {f.Chain.Address}"), 10, null, null));

        await Reverts.AssertRevertsAsync("NotAnAnalysis", () => Fx.As(Founders[0]).Ledger.VoteResultAsync(planId, 0, Hashes.Of("r")));
    }
}
