using FedChain.Learning.Analysis.Plans;
using FedChain.Node.Consent;
using FedChain.Node.Datasets;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Consent;

/// <summary>An analysis plan is consented to like a training plan: by approval of its hash, or by the policy's schema, epsilon and secure-aggregation rules.</summary>
public sealed class AnalysisPlanConsentTests
{
    private static readonly DatasetFolder Heart = DatasetFolder.Find("heart-disease", RepoPaths.Combine("data", "heart-disease"));

    private static readonly AnalysisPlan Plain = AnalysisPlan.Load(Path.Combine(Heart.Path, "analysis-plan.json")).WithSchema(Heart.Schema) with
    {
        SecureAggregation = false,
        Analyses = [new MissingnessSpec("m", Dp: new DpRelease(0.4)), new HistogramSpec("h", "age", Dp: new DpRelease(0.3)), new HistogramSpec("plain", "age")],
    };

    [Fact]
    public void Decide_NoApprovalNoPolicy_AwaitsApprovalOfItsHash()
    {
        var sut = PlanConsent.Decide(Plain, null, null);

        Assert.Equal(ConsentDecision.Awaiting, sut.Status);
        Assert.Contains($"fedchain plan approve {Plain.Hash}", sut.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("allowedSchemas")]
    [InlineData("maxEpsilon")]
    [InlineData("requireSecureAggregation")]
    public void Decide_PolicyRuleBroken_RefusesNamingTheRule(string rule)
    {
        var policy = rule switch
        {
            "allowedSchemas" => new ConsentPolicy(AllowedSchemas: ["tcga-brca"]),
            "maxEpsilon" => new ConsentPolicy(MaxEpsilon: 0.6), // the DP releases spend 0.4 + 0.3
            _ => new ConsentPolicy(RequireSecureAggregation: true),
        };

        var sut = PlanConsent.Decide(Plain, null, policy);

        Assert.Equal(ConsentDecision.Refused, sut.Status);
        Assert.Equal(rule, sut.Rule);
    }

    [Fact]
    public void Decide_PolicyKept_JoinsAndIgnoresModelKinds()
    {
        var policy = new ConsentPolicy([Heart.Schema.Hash], MaxEpsilon: 0.75, ModelKinds: ["mlp"]);

        var sut = PlanConsent.Decide(Plain, null, policy);

        Assert.True(sut.Joins, sut.Reason);
    }
}
