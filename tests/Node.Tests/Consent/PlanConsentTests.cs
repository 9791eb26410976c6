using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Node.Consent;
using FedChain.Node.Demo;
using FedChain.Node.Tests.EndToEnd;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Consent;

public sealed class PlanConsentTests
{
    private static readonly TrainingPlan Plan = DemoPlan.HeartDisease(HeartConsortium.Schema, rounds: 2, seed: 1);

    [Fact]
    public void Decide_NoApprovalNoPolicy_AwaitsLocalApproval()
    {
        var sut = PlanConsent.Decide(Plan, null, null);

        Assert.Equal(ConsentDecision.Awaiting, sut.Status);
        Assert.Contains($"fedchain plan approve {Plan.Hash}", sut.Reason, StringComparison.Ordinal);
        Assert.False(sut.Joins);
    }

    [Fact]
    public void Decide_ApprovedByHash_JoinsAndSaysWhoAndWhen()
    {
        var approval = new PlanApproval(Plan.Hash, "dr. steward", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

        var sut = PlanConsent.Decide(Plan, approval, new ConsentPolicy(MaxEpsilon: 1));

        Assert.True(sut.Joins);
        Assert.Contains("dr. steward", sut.Reason, StringComparison.Ordinal);
        Assert.Contains("2026-03-01", sut.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("allowedSchemas")]
    [InlineData("maxEpsilon")]
    [InlineData("modelKinds")]
    [InlineData("requireSecureAggregation")]
    public void Decide_PolicyRuleBroken_RefusesNamingTheRule(string rule)
    {
        var policy = rule switch
        {
            "allowedSchemas" => new ConsentPolicy(AllowedSchemas: ["tcga-brca"]),
            "maxEpsilon" => new ConsentPolicy(MaxEpsilon: 3),
            "modelKinds" => new ConsentPolicy(ModelKinds: ["mlp"]),
            _ => new ConsentPolicy(RequireSecureAggregation: true),
        };

        var sut = PlanConsent.Decide(Plan, null, policy);

        Assert.Equal(ConsentDecision.Refused, sut.Status);
        Assert.Equal(rule, sut.Rule);
        Assert.Contains(rule, sut.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PolicyKept_JoinsByPolicy()
    {
        var dp = DemoPlan.WithPrivacy(Plan, 2, 1e-5, [("cleveland", 199), ("hungary", 193)]);
        var policy = new ConsentPolicy([HeartConsortium.Schema.Hash], MaxEpsilon: 3, ModelKinds: [ConsentPolicy.Name(ModelKind.LogisticRegression)]);

        var sut = PlanConsent.Decide(dp, null, policy);

        Assert.True(sut.Joins);
        Assert.Contains("policy", sut.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ApprovalBook_Approve_KeepsTheFirstApprovalAndReadsItBack()
    {
        using var dir = new TempDirectory();
        var sut = new ApprovalBook(dir.Path);

        sut.Approve(Plan.Hash.ToUpperInvariant(), "first", new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
        sut.Approve(Plan.Hash, "second", new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero));

        var approval = Assert.Single(sut.All());
        Assert.Equal(Plan.Hash, approval.PlanHash);
        Assert.Equal("first", approval.ApprovedBy);
        Assert.Equal("first", new ApprovalBook(dir.Path).Find(Plan.Hash)?.ApprovedBy);
        Assert.Throws<ArgumentException>(() => sut.Approve("not-a-hash", "x", DateTimeOffset.UnixEpoch));
    }
}
