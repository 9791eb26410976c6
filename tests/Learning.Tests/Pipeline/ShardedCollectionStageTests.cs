using FedChain.Learning.Collection;
using FedChain.Learning.Compression;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Pipeline.Stages;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Pipeline;

/// <summary>The plan's collection section: sharded aggregation is a stage at the collection hook that shows only the sum.</summary>
public sealed class ShardedCollectionStageTests
{
    private static TrainingPlan Sharded(TrainingPlan plan) => plan with { Collection = new CollectionSettings(CollectionMode.Sharded) };

    [Fact]
    public void ShardedPlan_HidesIndividualUpdates_AndSimulatesToTheBitsOfFullReplication()
    {
        var plan = TestPlans.Heart(rounds: 2);
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, Datasets.HeartSplits).Select(s => new SimulatedSite(s)).ToList();

        var sut = RoundPipeline.For(Sharded(plan).Validate());

        Assert.IsType<ShardedCollectionStage>(sut.Sharding);
        Assert.False(sut.SeesIndividualUpdates);
        Assert.Equal(FederatedSimulation.Run(plan, sites, new SimulationOptions(EvaluateEveryRound: false)).FinalModelHash,
            FederatedSimulation.Run(Sharded(plan), sites, new SimulationOptions(EvaluateEveryRound: false)).FinalModelHash);
    }

    [Fact]
    public void ShardedPlan_WithPerMemberScoresOrPerMemberCodes_IsRefusedNamingTheCollectionStage()
    {
        var plan = Sharded(TestPlans.Heart());

        var scores = PlanCompatibility.Refusal(plan with { Contribution = new ContributionSettings(ContributionMethod.ExactShapley) });
        var codes = PlanCompatibility.Refusal(plan with { Compression = new CompressionSettings(CompressionMethod.Int4) });

        Assert.Equal("exact-shapley (evaluation and scoring) needs each member's individual update, which sharded-aggregation (collection) hides; use contribution method sample-share", scores);
        Assert.StartsWith("sharded-aggregation (collection) needs commits that add up coordinate by coordinate, which int4 (compression) hides", codes);
        Assert.Null(PlanCompatibility.Refusal(plan with { Compression = new CompressionSettings(CompressionMethod.RandomK) }));
    }

    [Fact]
    public void PlanWithoutCollectionSection_KeepsItsHash()
    {
        var plan = TestPlans.Heart();

        Assert.DoesNotContain("collection", System.Text.Encoding.UTF8.GetString(plan.CanonicalBytes()));
        Assert.Contains("\"collection\":{\"mode\":\"sharded\"}", System.Text.Encoding.UTF8.GetString(Sharded(plan).CanonicalBytes()));
    }
}
