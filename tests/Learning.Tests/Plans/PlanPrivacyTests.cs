using System.Text;
using FedChain.Learning.Plans;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Plans;

public sealed class PlanPrivacyTests
{
    [Fact]
    public void CanonicalBytes_WithPrivacyAndSecureAggregation_RoundTripToTheSameHash()
    {
        var sut = TestPlans.HeartPrivate(epsilon: 3) with { SecureAggregation = new SecureAggregationSettings(true, Threshold: 3) };

        var json = Encoding.UTF8.GetString(sut.CanonicalBytes());
        var back = TrainingPlan.Parse(json, "roundtrip");

        Assert.Contains("\"privacy\":{\"targetEpsilon\":3,", json);
        Assert.Contains("\"secureAggregation\":{\"enabled\":true,\"threshold\":3}", json);
        Assert.Equal(sut.CanonicalBytes(), back.CanonicalBytes());
        Assert.NotEqual(TestPlans.Heart().Hash, sut.Hash);
    }

    [Fact]
    public void Validate_CoxWithDp_IsRefusedSayingWhy()
    {
        var sut = TestPlans.Tcga() with { Privacy = TestPlans.DpSettings(3, [("a", 100)]) };

        var error = Assert.Throws<ArgumentException>(() => sut.Validate());

        Assert.Contains("plan privacy", error.Message);
        Assert.Contains("LinearCox", error.Message);
        Assert.Contains("risk set", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string, string> BadValues => new()
    {
        { "epsilon", "targetEpsilon" },
        { "delta", "delta 0.02 is not below 1 / 200 (member 'big')" },
        { "clip", "clipNorm" },
        { "both", "exactly one of expectedBatchSize and sampleRate" },
        { "batch", "expectedBatchSize 100 exceeds member 'small'" },
        { "twice", "member 'big' is declared twice" },
        { "noise", "at noise multiplier 0.3, past the target 3" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Validate_BadPrivacyValue_IsNamed(string what, string expected)
    {
        var good = TestPlans.DpSettings(3, [("big", 200), ("small", 60)]);
        var privacy = what switch
        {
            "epsilon" => good with { TargetEpsilon = -1 },
            "delta" => good with { Delta = 0.02 },
            "clip" => good with { ClipNorm = 0 },
            "both" => good with { SampleRate = 0.1 },
            "batch" => good with { ExpectedBatchSize = 100 },
            "twice" => good.Declaring([("big", 200), ("big", 60)]),
            // Far too little noise for epsilon 3 over the plan's steps: the plan would overspend.
            "noise" => good with { NoiseMultiplier = 0.3 },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        var error = Assert.Throws<ArgumentException>(() => (TestPlans.Heart() with { Privacy = privacy }).Validate());

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(1, null, "threshold must lie in [2, 4]")]
    [InlineData(5, null, "threshold must lie in [2, 4]")]
    [InlineData(2, 3, "neighbours must be even")]
    [InlineData(2, 4, "must exceed half of the 5 share holders")]
    public void Validate_BadSecureAggregation_IsNamed(int threshold, int? neighbours, string expected)
    {
        var sut = TestPlans.Heart() with { SecureAggregation = new SecureAggregationSettings(true, threshold, neighbours) };

        var error = Assert.Throws<ArgumentException>(() => sut.Validate());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void MemberDpSgd_DerivedNoise_SpendsAtMostTheTargetOverThePlan()
    {
        var plan = TestPlans.Heart() with { Privacy = TestPlans.DpSettings(3, [("big", 200), ("small", 60)]) };

        var sut = MemberDpSgd.For(plan, "small");

        // q = b / declared count, steps = localSteps x rounds; the search stops within 1e-4 of sigma.
        Assert.Equal(4.0 / 60, sut.Options.SampleRate, 12);
        Assert.Equal(plan.Client.LocalSteps * plan.Rounds, sut.PlannedSteps);
        Assert.InRange(sut.PlannedEpsilon, 2.99, 3.0);
        Assert.True(sut.Options.NoiseMultiplier > MemberDpSgd.For(plan, "big").Options.NoiseMultiplier, "the smaller member samples more of its records, so needs more noise");
    }

    [Fact]
    public void DeclaredRecordsOf_UnknownMember_IsNamed()
    {
        var error = Assert.Throws<ArgumentException>(() => TestPlans.DpSettings(3, [("big", 200)]).DeclaredRecordsOf("nobody"));

        Assert.Contains("'nobody'", error.Message);
    }
}
