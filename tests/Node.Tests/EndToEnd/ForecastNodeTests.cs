namespace FedChain.Node.Tests.EndToEnd;

/// <summary>The influenza LSTM in 11 regional node processes: every node ends with `fedchain simulate`'s bits, scored on the test weeks, and the audit is clean.</summary>
[Collection(ConsortiumCollection.Name)]
public sealed class ForecastNodeTests(ForecastNodeRun run) : IClassFixture<ForecastNodeRun>
{
    [Fact]
    public void EveryRegion_HoldsTheSimulatedModelBitForBit()
    {
        Assert.Equal(11, run.Members.Count);
        run.AssertEveryNodeHoldsTheSimulatedModel(0);
    }

    [Fact]
    public void EachRegion_ScoresItsOwnDistricts_OnTheTestWeeks()
    {
        var testRows = run.Data.Splits(run.Plan).ToDictionary(s => s.Test.Site, s => s.Test.Count);

        Assert.All(run.Members, m =>
        {
            var metrics = run.ResultOf(m, run.PlanId).Rounds[^1].Metrics!;
            Assert.Equal(testRows[m.Site], metrics.Rows);
            Assert.True(metrics.Mae >= 0 && double.IsFinite(metrics.LogScore!.Value), $"{m.Site}: MAE {metrics.Mae}, logS {metrics.LogScore}");
        });
    }

    [Fact]
    public void TheAudit_ChecksEveryRound_AndFindsNothing()
    {
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(run.Plan.Rounds + 1, run.Audit.RoundsChecked);
    }
}
