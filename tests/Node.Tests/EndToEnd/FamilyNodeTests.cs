namespace FedChain.Node.Tests.EndToEnd;

/// <summary>Boosted trees, a GRU, a temporal CNN and an LSTM in node processes: every node ends with `fedchain simulate`'s bits and the audit is clean.</summary>
[Collection(ConsortiumCollection.Name)]
public sealed class FamilyNodeTests(FamilyNodeRun run) : IClassFixture<FamilyNodeRun>
{
    public static TheoryData<int> Plans => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Plans))]
    public void EveryNode_HoldsTheSimulatedModelBitForBit(int index)
    {
        run.AssertEveryNodeHoldsTheSimulatedModel(index);
    }

    [Fact]
    public void TheAudit_ChecksEveryPlan_AndFindsNothing()
    {
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(run.Plans.Sum(p => p.Rounds + 1), run.Audit.RoundsChecked);
    }
}
