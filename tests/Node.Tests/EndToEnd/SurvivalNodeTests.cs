namespace FedChain.Node.Tests.EndToEnd;

/// <summary>TCGA-BRCA's linear Cox model (FLamby's and the tuned one) and DeepSurv in six node processes: every node ends with `fedchain simulate`'s bits and the audit is clean.</summary>
[Collection(ConsortiumCollection.Name)]
public sealed class SurvivalNodeTests(SurvivalNodeRun run) : IClassFixture<SurvivalNodeRun>
{
    public static TheoryData<int> Plans => [0, 1, 2];

    [Theory]
    [MemberData(nameof(Plans))]
    public void EveryNode_HoldsTheSimulatedModelBitForBit(int index)
    {
        Assert.Equal(6, run.Members.Count);
        run.AssertEveryNodeHoldsTheSimulatedModel(index);
    }

    [Fact]
    public void EachNode_TrainsOnItsOwnCentre_AndScoresTheCIndex()
    {
        var testRows = run.Data.Splits(run.Plan).ToDictionary(s => s.Test.Site, s => s.Test.Count);

        Assert.All(run.Members, m =>
        {
            var result = run.ResultOf(m, run.PlanId);
            Assert.Equal(testRows[m.Site], result.Rounds[^1].Metrics!.Rows);
            Assert.InRange(result.Rounds[^1].Metrics!.CIndex!.Value, 0, 1);
        });
    }

    [Fact]
    public void TheAudit_ChecksEveryPlan_AndFindsNothing()
    {
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(run.Plans.Sum(p => p.Rounds + 1), run.Audit.RoundsChecked);
    }
}
