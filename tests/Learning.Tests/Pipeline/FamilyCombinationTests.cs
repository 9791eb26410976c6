using FedChain.Learning.Contribution;
using FedChain.Learning.Models;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Simulation;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Pipeline;

/// <summary>
/// The newer families with the round's features: each runs under secure aggregation to the same bits
/// as without it (its update is a sum, histograms included), and the plan check refuses DP-SGD for
/// the families whose per-record gradients or losses it has no form for, naming why.
/// </summary>
public sealed class FamilyCombinationTests
{
    [Theory]
    [MemberData(nameof(FamilyDeterminismTests.Families), MemberType = typeof(FamilyDeterminismTests))]
    public void SecureAggregation_GivesTheSameBitsAsThePlainSum(ModelKind family)
    {
        var (plan, sites) = FamilyDeterminismTests.Case(family);
        var masked = plan with { SecureAggregation = new SecureAggregationSettings(true, Threshold: sites.Count - 1) };

        Assert.NotNull(RoundPipeline.For(masked.Validate()).Masking);
        Assert.Equal(FederatedSimulation.Run(plan, sites).FinalModelHash, FederatedSimulation.Run(masked, sites).FinalModelHash);
    }

    [Theory]
    [InlineData(ModelKind.Gru, "per-record gradients")]
    [InlineData(ModelKind.BoostedTrees, "per-record gradients")]
    [InlineData(ModelKind.LogLinear, "count loss")]
    [InlineData(ModelKind.DeepSurv, "Cox")]
    public void DpSgd_IsRefusedWithTheReason(ModelKind family, string reason)
    {
        var (plan, sites) = FamilyDeterminismTests.Case(family);
        var privacy = TestPlans.DpSettings(epsilon: 8, sites.Select(s => (s.Name, (long)s.Data.Train.Count)));

        var error = Assert.Throws<ArgumentException>(() => (plan with { Privacy = privacy }).Validate());

        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SampleShareScores_RunWithTreesUnderSecureAggregation()
    {
        var (plan, sites) = FamilyDeterminismTests.Case(ModelKind.BoostedTrees);
        plan = plan with
        {
            SecureAggregation = new SecureAggregationSettings(true, Threshold: sites.Count - 1),
            Contribution = new ContributionSettings(ContributionMethod.SampleShare, UtilityMetric.Accuracy),
        };
        var recorder = new ContributionRecorder(plan, sites);

        FederatedSimulation.Run(plan.Validate(), sites, new SimulationOptions(EvaluateEveryRound: false), observer: recorder);

        Assert.Equal(plan.Rounds, recorder.Rounds.Count);
    }
}
