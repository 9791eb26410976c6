using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Node.Demo;
using FedChain.Node.Tests.EndToEnd;
using FedChain.Node.Tests.Support;

namespace FedChain.Node.Tests.Agent;

/// <summary>Governance cancels a running plan on-chain: every node stops its work on it and exits, none writes a result.</summary>
[Collection(InProcessCollection.Name)]
public sealed class PlanCancellationTests
{
    [Fact]
    public async Task RunningPlanCancelledByGovernance_EveryNodeStopsItsWork_AndNoRoundClosesAfter()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        var plan = DemoPlan.HeartDisease(HeartConsortium.Schema, rounds: 2, seed: 45) with { Contribution = null };
        await using var run = await InProcessConsortium.StartAsync([plan], ct);
        var late = run.Nodes[^1];
        var held = late.Status.HoldAt(s => s.Round == 1 && s.Phase == "training");

        // Round 1 stays open: its window is an hour and one member is held before training.
        var planId = (await run.StartPlansAsync([plan], ct))[0];
        await run.Explained(() => held.Reached.WaitAsync(ct), "the late member reaching round 1's training", ct);
        await run.Explained(() => run.Chain.WaitAsync(s => s.Plans[planId].Rounds is { Count: > 1 } r && r[1].Commitments.Count == 3 ? s : null, ct), "three commits in round 1", ct);
        await run.Consortium.PassAsync(Proposals.CancelPlan(run.Consortium.Addresses, planId), ct);
        held.Release();
        await run.WhenDoneAsync(run.Nodes, ct);

        var (_, ledger) = await run.ReplayAsync(ct);
        var record = ledger.Plans[planId];
        Assert.Equal(PlanStatus.Cancelled, record.Status);
        Assert.False(record.Rounds[1].Closed);
        Assert.Equal(3, record.Rounds[1].Commitments.Count);
        Assert.All(run.Nodes, n => Assert.Contains(n.Status.Lines, l => l.Event == "cancelled" && l.PlanId == planId.ToString()));
        Assert.All(run.Nodes, n => Assert.DoesNotContain(n.Status.Lines, l => l.Event == "error"));
        Assert.All(run.Nodes, n => Assert.False(File.Exists(Path.Combine(n.Member.Directory, "state", "plans", planId.ToString(), "result.json"))));
    }
}
