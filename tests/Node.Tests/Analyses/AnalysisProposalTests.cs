using FedChain.Contracts.Ledger;
using FedChain.Learning.Analysis.Plans;
using FedChain.Node.Datasets;
using FedChain.Node.Analyses;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Analyses;

public sealed class AnalysisProposalTests
{
    private static readonly DatasetFolder Heart = DatasetFolder.Find("heart-disease", RepoPaths.Combine("data", "heart-disease"));

    private static readonly (string, string)[] Invited =
        [("0x1000000000000000000000000000000000000001", "Cleveland"), ("0x1000000000000000000000000000000000000002", "Hungary"),
         ("0x1000000000000000000000000000000000000003", "Switzerland"), ("0x1000000000000000000000000000000000000004", "VA Long Beach")];

    private static AnalysisPlan Shipped => AnalysisPlan.Load(Path.Combine(Heart.Path, "analysis-plan.json")).WithSchema(Heart.Schema);

    [Fact]
    public void Params_TheShippedHeartPlan_IsAnAnalysisOnTheStartPlanPath_WithAKeyRoundAndOneSamplePerCommit()
    {
        var plan = Shipped;

        var sut = AnalysisProposal.Params(plan, Invited, 30, 60);

        Assert.Equal((byte)PlanKind.Analysis, sut.Kind);
        Assert.Equal(Convert.FromHexString(plan.Hash), sut.PlanHash);
        Assert.Equal(Convert.FromHexString(plan.Schema!.Hash), sut.SchemaHash);
        Assert.Equal(1, sut.SetupRounds);
        Assert.Equal(1 + (uint)plan.MaxRounds([.. Invited.Select(i => i.Item2)]), sut.Rounds);
        Assert.All(sut.MaxSamples, m => Assert.Equal(1UL, m));
        Assert.Equal(0, sut.RewardPool);
        Assert.Equal(0u, sut.EpsilonPerRound);
        Assert.True(sut.SecureAggregation);
    }

    [Fact]
    public void EpsilonMicro_SumsThePlansDpReleases_RoundedUp()
    {
        var plan = Shipped with
        {
            SecureAggregation = false,
            Analyses = [new MissingnessSpec("m", Dp: new DpRelease(0.4)), new HistogramSpec("h", "age", Dp: new DpRelease(0.1234561)), new HistogramSpec("plain", "age")],
        };

        Assert.Equal(523_457u, AnalysisProposal.EpsilonMicro(plan));
        Assert.Equal(0, AnalysisProposal.SetupRounds(plan));
        Assert.Equal(523_457u, AnalysisProposal.Params(plan, Invited, 30, 60).EpsilonBudget);
    }
}
