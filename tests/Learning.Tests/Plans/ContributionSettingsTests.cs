using System.Text;
using FedChain.Learning.Contribution;
using FedChain.Learning.Plans;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Plans;

public sealed class ContributionSettingsTests
{
    [Fact]
    public void Plan_WithoutTheSection_KeepsItsBytes()
    {
        var json = Encoding.UTF8.GetString(TestPlans.Heart().CanonicalBytes());

        Assert.DoesNotContain("contribution", json);
    }

    [Fact]
    public void Plan_WithTheSection_RoundTripsAndChangesTheHash()
    {
        var plain = TestPlans.Heart();
        var sut = plain with { Contribution = new ContributionSettings(ContributionMethod.SampledShapley, Permutations: 32) };

        var back = TrainingPlan.Parse(Encoding.UTF8.GetString(sut.CanonicalBytes()), "plan.json");

        Assert.Equal(sut.Hash, back.Hash);
        Assert.NotEqual(plain.Hash, sut.Hash);
        Assert.Contains("\"contribution\":{\"method\":\"sampled-shapley\",\"metric\":\"brier\",\"permutations\":32", Encoding.UTF8.GetString(sut.CanonicalBytes()));
    }

    [Fact]
    public void Validate_PerMemberMethodUnderSecureAggregation_IsRefused()
    {
        var sut = TestPlans.Heart() with { SecureAggregation = new SecureAggregationSettings(true, 3), Contribution = new ContributionSettings(ContributionMethod.ExactShapley) };

        var error = Assert.Throws<ArgumentException>(() => sut.Validate());

        Assert.Contains("sample-share", error.Message);
        Assert.Equal(ContributionMode.SumOnly, new ContributionSettings(ContributionMethod.SampleShare).Mode);
    }

    [Fact]
    public void Validate_SurvivalMetricOnABinaryTask_IsRefused()
    {
        var sut = TestPlans.Heart() with { Contribution = new ContributionSettings(Metric: UtilityMetric.CIndex) };

        var error = Assert.Throws<ArgumentException>(() => sut.Validate());

        Assert.Contains("CIndex", error.Message);
    }
}
