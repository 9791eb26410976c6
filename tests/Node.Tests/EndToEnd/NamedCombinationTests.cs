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
        var plan = run.Plans[index];
        var expected = run.SimulatedModelHash(plan);

        Assert.All(run.ExitCodes, code => Assert.Equal(0, code));
        Assert.All(run.Members, m => Assert.Equal(expected, run.ResultOf(m, run.PlanIds[index]).FinalModelHash));
        Assert.Equal(expected, Convert.ToHexStringLower(run.Ledger.Plans[run.PlanIds[index]].Rounds[^1].FinalAggregate!));
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void EveryTrainingRound_IsScoredAndRecorded(int index)
    {
        var record = run.Ledger.Plans[run.PlanIds[index]];

        Assert.All(record.Rounds.Skip(1), r => Assert.NotNull(r.RecordedScores));
        Assert.All(record.Rounds.Skip(1), r => Assert.Equal(run.Members.Count, r.RecordedScores!.Members.Count));
    }

    [Fact]
    public void TheAudit_ChecksEveryPlan_AndFindsNothing()
    {
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(run.Plans.Count * (NamedCombinationsRun.Rounds + 1), run.Audit.RoundsChecked);
    }
}
