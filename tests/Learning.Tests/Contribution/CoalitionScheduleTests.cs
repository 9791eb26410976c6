using FedChain.Learning.Contribution;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Tests.Contribution;

public sealed class CoalitionScheduleTests
{
    [Fact]
    public void For_Exact_ListsEverySubsetInMaskOrder()
    {
        var sut = CoalitionSchedule.For(new ContributionSettings(ContributionMethod.ExactShapley), 42, 1, 5);

        Assert.Equal(Enumerable.Range(0, 32).Select(m => new Coalition((ulong)m)), sut);
    }

    [Fact]
    public void For_ExactWithNineMembers_IsRefusedNamingTheSampledMethod()
    {
        var error = Assert.Throws<ArgumentException>(() => CoalitionSchedule.For(new ContributionSettings(ContributionMethod.ExactShapley), 42, 1, 9));

        Assert.Contains("sampled-shapley", error.Message);
    }

    [Fact]
    public void For_LeaveOneOut_ListsNoneAllAndEachAllButOne()
    {
        var sut = CoalitionSchedule.For(new ContributionSettings(ContributionMethod.LeaveOneOut), 42, 1, 3);

        Assert.Equal([0UL, 3, 5, 6, 7], sut.Select(c => c.Mask));
    }

    [Fact]
    public void For_SampleShare_ListsOnlyTheOldAndNewGlobalModels()
    {
        var sut = CoalitionSchedule.For(new ContributionSettings(ContributionMethod.SampleShare), 42, 1, 4);

        Assert.Equal([Coalition.Empty, Coalition.All(4)], sut);
    }

    [Fact]
    public void For_Sampled_HoldsEveryPrefixOfEveryPermutation()
    {
        var settings = new ContributionSettings(ContributionMethod.SampledShapley, Permutations: 12);

        var sut = CoalitionSchedule.For(settings, 42, 2, 20);

        var expected = new HashSet<Coalition> { Coalition.Empty };
        foreach (var order in SampledPermutations.For(42, 2, 20, 12))
        {
            var prefix = Coalition.Empty;
            foreach (var member in order) expected.Add(prefix = prefix.With(member));
        }

        Assert.Equal(expected.Order(), sut);
        Assert.True(sut.Count <= 12 * 19 + 2);
    }
}
