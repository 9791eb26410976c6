namespace FedChain.Node.Tests.EndToEnd;

/// <summary>Boosted trees, a GRU and a temporal CNN in node processes: every node ends with `fedchain simulate`'s bits and the audit is clean.</summary>
[Collection(ConsortiumCollection.Name)]
public sealed class FamilyNodeTests(FamilyNodeRun run) : IClassFixture<FamilyNodeRun>
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

    [Fact]
    public void TheAudit_ChecksEveryPlan_AndFindsNothing()
    {
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(run.Plans.Sum(p => p.Rounds + 1), run.Audit.RoundsChecked);
    }
}
