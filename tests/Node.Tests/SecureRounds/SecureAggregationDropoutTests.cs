using FedChain.Learning.Contribution;
using FedChain.Learning.Plans;
using FedChain.Node.Contributions;
using FedChain.Node.Demo;
using FedChain.Node.Tests.EndToEnd;
using FedChain.Node.Tests.Support;

namespace FedChain.Node.Tests.SecureRounds;

/// <summary>Secure aggregation's dropout in the round machine, in one process (<see cref="InProcessConsortium"/>).</summary>
[Collection(InProcessCollection.Name)]
public sealed class SecureAggregationDropoutTests
{
    [Fact]
    public async Task MemberStoppedBeforeRound2_TheSurvivorsUnmaskItsMaskKey_AndEndWithThePlainSumScoredFromTheSumAlone()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        var plan = DemoPlan.HeartDisease(HeartConsortium.Schema, rounds: 2, seed: 44) with
        {
            SecureAggregation = new SecureAggregationSettings(true, Threshold: 3),
            Contribution = new ContributionSettings(ContributionMethod.SampleShare),
        };
        await using var run = await InProcessConsortium.StartAsync([plan], ct);
        var victim = run.Nodes[^1];
        var survivors = run.Nodes.Take(3).ToList();
        var held = victim.Status.HoldAt(s => s.Round == 2 && s.Phase == "training");

        var planId = (await run.StartPlansAsync([plan], ct))[0];
        await run.Explained(() => held.Reached.WaitAsync(ct), "the victim reaching round 2's training", ct);
        // Its round-1 utility report has reached the survivors (else they would rightly wait a commit window for it).
        var planHash = Convert.FromHexString(plan.Hash);
        var victimAddress = victim.Member.Address.ToLowerInvariant();
        await run.Explained(() => Task.WhenAll(survivors.Select(n => n.WaitForBlobAsync(b => UtilityReportBlob.Read(b, planHash, out _) is { Round: 1 } r && r.Member == victimAddress, ct))),
            "the victim's round-1 utility report reaching the survivors", ct);
        await victim.StopAsync(held, ct);
        await run.CloseAtDeadlineAsync(planId, round: 2, commits: 3, ct);
        await run.WhenDoneAsync(survivors, ct);

        var (_, ledger) = await run.ReplayAsync(ct);
        var record = ledger.Plans[planId];
        Assert.Equal([4, 4, 3], record.Rounds.Select(r => r.Commitments.Count));
        Assert.DoesNotContain(record.Rounds[2].Commitments, c => c.Member.Equals(victimAddress, StringComparison.OrdinalIgnoreCase));
        var blobs = Path.Combine(survivors[0].Member.Directory, "blobs");
        var sites = run.Nodes.ToDictionary(n => n.Member.Address.ToLowerInvariant(), n => n.Member.Site);
        var dataFiles = HeartConsortium.Sites.ToDictionary(s => s.Site);
        foreach (var (round, _, aggregate) in PlainReplay.Rounds(plan, record, sites, dataFiles, h => PlainReplay.FromFolder(blobs, h)))
            Assert.Equal(aggregate, Convert.ToHexStringLower(record.Rounds[round].FinalAggregate!));
        Assert.All(survivors, n => Assert.Equal(Convert.ToHexStringLower(record.Rounds[^1].FinalAggregate!), n.Member.ReadResult(planId).FinalModelHash));
        Assert.Equal(3, record.Rounds[2].RecordedScores!.Members.Count);
        Assert.Empty((await run.AuditAsync(survivors[0].Member, ct)).Findings);
    }
}
