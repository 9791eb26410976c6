using FedChain.Node.Demo;
using FedChain.Node.Tests.EndToEnd;
using FedChain.Node.Tests.Support;

namespace FedChain.Node.Tests.Agent;

/// <summary>
/// The round machine in one process (<see cref="InProcessConsortium"/>): four node hosts on real anvil
/// and loopback TLS, rounds with an hour's window that close only when the test moves anvil's clock,
/// and a member held on its own status line, so it misses a deadline exactly where the test says.
/// </summary>
[Collection(InProcessCollection.Name)]
public sealed class RoundMachineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task MemberStoppedBeforeTraining_ItsRoundsCloseAtTheMovedDeadline_AndTheSurvivorsFinishScoredAndTogether()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var ct = timeout.Token;
        var plan = DemoPlan.HeartDisease(HeartConsortium.Schema, rounds: 2, seed: 42);
        await using var run = await InProcessConsortium.StartAsync([plan], ct);
        var victim = run.Nodes[^1];
        var survivors = run.Nodes.Take(3).ToList();
        var held = victim.Status.HoldAt(s => s.Round == 1 && s.Phase == "training");

        var planId = (await run.StartPlansAsync([plan], ct))[0];
        await held.Reached.WaitAsync(ct);
        await victim.StopAsync(held, ct);
        await run.CloseAtDeadlineAsync(planId, round: 1, commits: 3, ct);
        await run.CloseAtDeadlineAsync(planId, round: 2, commits: 3, ct);
        await run.WhenDoneAsync(survivors, ct);

        var (_, ledger) = await run.ReplayAsync(ct);
        var record = ledger.Plans[planId];
        var victimAddress = victim.Member.Address.ToLowerInvariant();
        Assert.Equal(4, record.Rounds[0].Commitments.Count);
        foreach (var round in record.Rounds.Skip(1))
        {
            Assert.False(round.ClosedEarly);
            Assert.Equal(3, round.Commitments.Count);
            Assert.DoesNotContain(round.Commitments, c => c.Member.Equals(victimAddress, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(3, round.RecordedScores!.Members.Count);
        }

        var results = survivors.Select(n => n.Member.ReadResult(planId)).ToList();
        Assert.Single(results.Select(r => r.FinalModelHash).Distinct());
        Assert.Equal(Convert.ToHexStringLower(record.Rounds[^1].FinalAggregate!), results[0].FinalModelHash);
        Assert.Empty((await run.AuditAsync(survivors[0].Member, ct)).Findings);
    }

    [Fact]
    public async Task CommitAfterTheRoundClosed_IsRefused_TheMemberAggregatesTheRoundWithoutIt_AndCommitsTheNext()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var ct = timeout.Token;
        var plan = DemoPlan.HeartDisease(HeartConsortium.Schema, rounds: 2, seed: 43) with { Contribution = null };
        await using var run = await InProcessConsortium.StartAsync([plan], ct);
        var late = run.Nodes[^1];
        var held = late.Status.HoldAt(s => s.Round == 1 && s.Phase == "training");

        // The late member passed the deadline check and is about to train when the round closes without it.
        var planId = (await run.StartPlansAsync([plan], ct))[0];
        await held.Reached.WaitAsync(ct);
        await run.CloseAtDeadlineAsync(planId, round: 1, commits: 3, ct);
        held.Release();
        await run.WhenDoneAsync(run.Nodes, ct);

        var (_, ledger) = await run.ReplayAsync(ct);
        var rounds = ledger.Plans[planId].Rounds;
        bool ByLate(Contracts.Ledger.LedgerEvents.Committed c) => c.Member.Equals(late.Member.Address, StringComparison.OrdinalIgnoreCase);
        Assert.False(rounds[1].ClosedEarly);
        Assert.Equal(3, rounds[1].Commitments.Count);
        Assert.DoesNotContain(rounds[1].Commitments, ByLate);
        Assert.True(rounds[2].ClosedEarly);
        Assert.Contains(rounds[2].Commitments, ByLate);

        // It trained round 1 and its commit was refused (no commit time), then it committed round 2.
        var lateResult = late.Member.ReadResult(planId);
        Assert.True(lateResult.Rounds[1].Timing!.TrainingMilliseconds > 0);
        Assert.Null(lateResult.Rounds[1].Timing!.CommittedAt);
        Assert.NotNull(lateResult.Rounds[2].Timing!.CommittedAt);
        var results = run.Nodes.Select(n => n.Member.ReadResult(planId)).ToList();
        Assert.All(results, r => Assert.Equal(Convert.ToHexStringLower(rounds[^1].FinalAggregate!), r.FinalModelHash));
        Assert.Equal(results[0].Rounds.Select(r => r.AggregateHash), lateResult.Rounds.Select(r => r.AggregateHash));
        Assert.Empty((await run.AuditAsync(late.Member, ct)).Findings);
    }
}
