using System.Text;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Plans;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Plans;

public sealed class TrainingPlanTests
{
    [Fact]
    public void CanonicalBytes_ParsedBack_GiveTheSameHash()
    {
        var sut = TestPlans.Heart(ServerRuleKind.FedAdam);

        var back = TrainingPlan.Parse(Encoding.UTF8.GetString(sut.CanonicalBytes()), "roundtrip");

        Assert.Equal(sut.Hash, back.Hash);
        Assert.Equal(sut.CanonicalBytes(), back.CanonicalBytes());
    }

    [Fact]
    public void CanonicalBytes_LeaveOutEmptySectionsAndUseKebabEnums()
    {
        var json = Encoding.UTF8.GetString(TestPlans.Heart(ServerRuleKind.FedAdagrad).CanonicalBytes());

        Assert.DoesNotContain("privacy", json);
        Assert.DoesNotContain("secureAggregation", json);
        Assert.Contains("\"rule\":\"fed-adagrad\"", json);
        Assert.Contains("\"normalisation\":\"federated\"", json);
        Assert.DoesNotContain("\n", json);
    }

    [Fact]
    public void Hash_ChangesWithAnyField()
    {
        var sut = TestPlans.Heart();

        Assert.NotEqual(sut.Hash, (sut with { Seed = 43 }).Hash);
        Assert.NotEqual(sut.Hash, (sut with { Client = sut.Client with { LearningRate = 0.02 } }).Hash);
        Assert.Equal(64, sut.Hash.Length);
    }

    [Fact]
    public void Validate_CoxModelOnBinaryTask_IsRefused()
    {
        var sut = TestPlans.Heart() with { Model = new Learning.Models.ModelSpec(Learning.Models.ModelKind.LinearCox) };

        var error = Assert.Throws<ArgumentException>(() => sut.Validate());

        Assert.Contains("LinearCox", error.Message);
    }

    [Fact]
    public void InitialParameters_DependOnlyOnTheSeed()
    {
        var sut = TestPlans.Heart();

        Assert.Equal(sut.InitialParameters(), (sut with { Rounds = 99 }).InitialParameters());
        Assert.NotEqual(sut.InitialParameters(), (sut with { Seed = 7 }).InitialParameters());
    }
}
