namespace FedChain.Node.Tests.EndToEnd;

/// <summary>The named combinations in node processes: each node ends with `fedchain simulate`'s bits, scores are recorded, the audit is clean.</summary>
[Collection(ConsortiumCollection.Name)]
public sealed class NamedCombinationTests(NamedCombinationsRun run) : IClassFixture<NamedCombinationsRun>
{
    public static TheoryData<int> Plans => [0, 1, 2];

    [Theory]
    [MemberData(nameof(Plans))]
    public void EveryNode_HoldsTheSimulatedModelBitForBit(int index)
    {
        run.AssertEveryNodeHoldsTheSimulatedModel(index);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void EveryTrainingRound_IsScoredAndRecorded(int index)
    {
        var record = run.Ledger.Plans[run.PlanIds[index]];

        Assert.All(record.Rounds.Skip(1), r => Assert.NotNull(r.RecordedScores));
        Assert.All(record.Rounds.Skip(1), r => Assert.Equal(run.Members.Count, r.RecordedScores!.Members.Count));
    }

    /// <summary>The FedPer plan: each node reports its personal model beside the global one every round, keeps it in its
    /// own folder, and never publishes it (no blob any node holds is its bytes or holds its head).</summary>
    [Fact]
    public void PersonalModels_AreReportedBesideTheGlobalOnes_AndNeverLeaveTheirSite()
    {
        var planId = run.PlanIds[2];
        var exported = Directory.EnumerateFiles(run.Blobs, "*", SearchOption.AllDirectories).Select(File.ReadAllBytes).ToList();
        foreach (var member in run.Members)
        {
            var result = run.ResultOf(member, planId);
            Assert.All(result.Rounds.Skip(1), r => Assert.NotNull(r.PersonalMetrics));
            Assert.All(result.Rounds.Skip(1), r => Assert.Equal(r.Metrics!.Rows, r.PersonalMetrics!.Rows));
            var personal = File.ReadAllBytes(Path.Combine(member.Directory, "state", "plans", planId.ToString(), "personal-model.f32"));
            var head = personal[^(9 * 4)..];
            Assert.DoesNotContain(exported, blob => blob.AsSpan().IndexOf(head) >= 0);
        }
    }

    [Fact]
    public void TheAudit_ChecksEveryPlan_AndFindsNothing()
    {
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(run.Plans.Count * (NamedCombinationsRun.Rounds + 1), run.Audit.RoundsChecked);
    }
}
