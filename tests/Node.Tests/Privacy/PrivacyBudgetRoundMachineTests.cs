using FedChain.Learning.Plans;
using FedChain.Node.Datasets;
using FedChain.Node.Demo;
using FedChain.Node.Privacy;
using FedChain.Node.Tests.Support;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Privacy;

/// <summary>The privacy budget feature in the round machine, in one process (<see cref="InProcessConsortium"/>).</summary>
[Collection(InProcessCollection.Name)]
public sealed class PrivacyBudgetRoundMachineTests
{
    private static TrainingPlan Plan(long seed)
    {
        var data = ConsortiumDataset.Find("heart-disease", RepoPaths.Combine("data", "heart-disease"));
        var plain = DemoPlan.HeartDisease(data.Schema, rounds: 2, seed) with { Contribution = null };
        return DemoPlan.WithPrivacy(plain, epsilon: 3, delta: 1e-5, DemoPlan.TrainRows(plain, data));
    }

    [Fact]
    public async Task ChainsCapSpentAfterRound1_NobodyCommitsRound2_ItClosesAtTheMovedDeadline_AndTheModelStays()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        var plan = Plan(seed: 44);
        var cap = (ulong)plan.Privacy!.DeclaredCounts.Max(d => PrivacySchedule.CumulativeMicro(MemberDpSgd.For(plan, d.Member), 1));
        await using var run = await InProcessConsortium.StartAsync([plan], ct);

        var planId = (await run.StartPlansAsync([plan], ct, cap))[0];
        await Task.WhenAll(run.Nodes.Select(n => n.Status.WaitAsync(s => s.Round == 2 && s.Phase == "privacy budget exhausted", ct)));
        await run.CloseAtDeadlineAsync(planId, round: 2, commits: 0, ct);
        await run.WhenDoneAsync(run.Nodes, ct);

        var (_, ledger) = await run.ReplayAsync(ct);
        var rounds = ledger.Plans[planId].Rounds;
        Assert.Equal(4, rounds[1].Commitments.Count);
        Assert.Empty(rounds[2].Commitments);
        Assert.False(rounds[2].ClosedEarly);
        Assert.All(ledger.Plans[planId].EpsilonSpent.Values, spent => Assert.True(spent <= cap));
        Assert.All(run.Nodes, n => Assert.Equal(Convert.ToHexStringLower(rounds[1].FinalAggregate!), n.Member.ReadResult(planId).FinalModelHash));
        Assert.Empty((await run.AuditAsync(run.Nodes[0].Member, ct)).Findings);
    }

    [Fact]
    public async Task RestartedWithoutItsCheckpoint_TheMemberRefusesToSpendWhatItCannotAccountFor_AndFinishesWithTheOthers()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        var plan = Plan(seed: 45);
        await using var run = await InProcessConsortium.StartAsync([plan], ct);
        var victim = run.Nodes[^1];
        var held = victim.Status.HoldAt(s => s.Round == 2 && s.Phase == "training");

        var planId = (await run.StartPlansAsync([plan], ct))[0];
        await held.Reached.WaitAsync(ct);
        await victim.StopAsync(held, ct);
        File.Delete(Path.Combine(victim.Member.Directory, "state", "plans", planId.ToString(), "checkpoint.json"));
        await victim.StartAsync(ct);
        var refused = await victim.Status.WaitAsync(s => s.Round == 2 && s.Phase == "privacy budget exhausted", ct);
        await run.CloseAtDeadlineAsync(planId, round: 2, commits: 3, ct);
        await run.WhenDoneAsync(run.Nodes, ct);

        Assert.Contains("history was lost", refused.Detail);
        var (_, ledger) = await run.ReplayAsync(ct);
        var record = ledger.Plans[planId];
        var victimAddress = victim.Member.Address.ToLowerInvariant();
        Assert.DoesNotContain(record.Rounds[2].Commitments, c => c.Member.Equals(victimAddress, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, record.Rounds[2].Commitments.Count);
        var round1 = record.Rounds[1].Commitments.Single(c => c.Member.Equals(victimAddress, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(round1.EpsilonSpent, record.EpsilonSpent[victimAddress]);
        Assert.All(run.Nodes, n => Assert.Equal(Convert.ToHexStringLower(record.Rounds[^1].FinalAggregate!), n.Member.ReadResult(planId).FinalModelHash));
        Assert.Empty((await run.AuditAsync(victim.Member, ct)).Findings);
    }
}
