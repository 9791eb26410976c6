using FedChain.Learning.Contribution;

namespace FedChain.Learning.Tests.Contribution;

public sealed class UtilityCombinationTests
{
    private static readonly Coalition[] Schedule = [Coalition.Empty, new(1), new(2), new(3)];

    internal static UtilityReport Report(string member, long rows, params long[] utilities) =>
        new(new string('a', 64), 1, member, rows, [.. Schedule.Zip(utilities, (c, u) => new SubsetUtility(c, u))]);

    [Fact]
    public void Combine_WeighsEachMemberByItsValidationRows()
    {
        var sut = UtilityCombination.Combine([Report("a", 100, 10, 20, 30, 40), Report("b", 300, 50, 60, 70, 80)], Schedule);

        Assert.Equal([40, 50, 60, 70], Schedule.Select(c => sut[c]));
    }

    [Fact]
    public void Combine_ReportOrder_DoesNotMatter()
    {
        UtilityReport[] reports = [Report("a", 7, 1, 2, 3, 5), Report("b", 11, 13, 17, 19, 23), Report("c", 29, 31, 37, 41, 43)];

        var sut = UtilityCombination.Combine(reports, Schedule);
        var reversed = UtilityCombination.Combine([.. reports.Reverse()], Schedule);

        Assert.Equal(sut.Values, reversed.Values);
    }

    [Fact]
    public void Combine_AnUnscheduledSubset_IsNamedWhenAskedFor()
    {
        var sut = UtilityCombination.Combine([Report("a", 1, 1, 2, 3, 4)], Schedule);

        var error = Assert.Throws<KeyNotFoundException>(() => sut[new Coalition(4)]);
        Assert.Contains("{2}", error.Message);
    }
}
