using FedChain.Learning.Privacy.Accounting;

namespace FedChain.Learning.Tests.Privacy.Accounting;

public sealed class PrivacyBudgetTests
{
    [Fact]
    public void Spend_UpToTheBudget_ThenRefusesWithoutRecording()
    {
        var sut = new PrivacyBudget(epsilon: 2.0, delta: 1e-5);
        var affordable = sut.AffordableSteps(0.05, 1.0);
        Assert.InRange(affordable, 2, 10_000);

        for (var step = 0; step < affordable; step++) sut.Spend(0.05, 1.0);
        var spentBefore = sut.Spent.Epsilon;

        var error = Assert.Throws<PrivacyBudgetExhaustedException>(() => sut.Spend(0.05, 1.0));
        Assert.Contains("past the budget 2", error.Message);
        Assert.Equal(affordable, sut.Accountant.TotalSteps);
        Assert.Equal(spentBefore, sut.Spent.Epsilon);
        Assert.True(spentBefore <= 2.0);
    }

    [Fact]
    public void AffordableSteps_IsTheLastCountWithinBudget()
    {
        var sut = new PrivacyBudget(epsilon: 3.0, delta: 1e-5);

        var steps = sut.AffordableSteps(0.01, 1.1);

        Assert.True(RdpAccountant.Epsilon(0.01, 1.1, steps, 1e-5) <= 3.0);
        Assert.True(RdpAccountant.Epsilon(0.01, 1.1, steps + 1, 1e-5) > 3.0);
    }

    [Fact]
    public void Constructor_HistoryPastTheBudget_Refuses()
    {
        var history = new[] { new SampledGaussianSteps(0.1, 0.5, 1000) };

        Assert.Throws<PrivacyBudgetExhaustedException>(() => new PrivacyBudget(1.0, 1e-5, spent: history));
    }

    [Fact]
    public void Constructor_ReplayedHistory_ResumesWhereItStopped()
    {
        var first = new PrivacyBudget(8.0, 1e-5);
        first.Spend(0.02, 1.0, 500);

        var sut = new PrivacyBudget(8.0, 1e-5, spent: first.Accountant.History);

        Assert.Equal(first.Spent.Epsilon, sut.Spent.Epsilon);
        Assert.Equal(first.AffordableSteps(0.02, 1.0), sut.AffordableSteps(0.02, 1.0));
    }
}
