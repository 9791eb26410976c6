using FedChain.Learning.Simulation;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>Asynchronous rounds in node processes: the chain orders the arrivals, and every node ends with the bits `fedchain simulate` reaches replaying that order.</summary>
[Collection(ConsortiumCollection.Name)]
public sealed class AsynchronousRoundTests(AsynchronousRun run) : IClassFixture<AsynchronousRun>
{
    [Fact]
    public void EveryNode_HoldsTheBitsOfSimulateReplayingTheChainsArrivals()
    {
        var arrivals = run.ChainArrivals();
        var expected = run.SimulatedModelHash(run.Plan, new SimulationOptions(EvaluateEveryRound: false, Arrivals: arrivals));

        Assert.All(run.ExitCodes, code => Assert.Equal(0, code));
        Assert.All(run.Members, m => Assert.Equal(expected, run.ResultOf(m, run.PlanId).FinalModelHash));
        Assert.Equal(expected, Convert.ToHexStringLower(run.Ledger.Plans[run.PlanId].Rounds[^1].FinalAggregate!));
    }

    [Fact]
    public void EveryWindow_ListsItsCommitsInChainOrder_AndClosesAtItsKthCommit()
    {
        var windows = run.Ledger.Plans[run.PlanId].Rounds.Skip(1).ToList();

        Assert.Equal(AsynchronousRun.Rounds, windows.Count);
        Assert.All(windows, w => Assert.Equal(w.Commitments.Select(c => c.Member.ToLowerInvariant()), w.Arrivals));
        Assert.All(windows, w => Assert.True(w.ClosedEarly ? w.Arrivals.Count == AsynchronousRun.Buffer : w.Arrivals.Count < AsynchronousRun.Buffer, $"round {w.Round}: {w.Arrivals.Count} arrivals, closed early {w.ClosedEarly}"));
        Assert.All(run.ChainArrivals().Windows.Select((w, i) => (w, Window: i + 1)), x => Assert.All(x.w, a => Assert.InRange(a.Staleness(x.Window), 0, run.Plan.Asynchronous!.MaxStaleness)));
    }

    [Fact]
    public void TheAudit_ReplaysEveryWindow_AndFindsNothing()
    {
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(AsynchronousRun.Rounds + 1, run.Audit.RoundsChecked);
    }
}
