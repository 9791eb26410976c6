using FedChain.Learning.Contribution;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Tests.Contribution;

public sealed class RoundScoringTests
{
    private const string PlanHash = "1111111111111111111111111111111111111111111111111111111111111111";
    private static readonly ContributionSettings Exact = new(ContributionMethod.ExactShapley, RewardPerRound: 1000);
    private static readonly RosterMember[] Roster = [new("a", 100), new("b", 50), new("c", 50)];

    /// <summary>A member's report of an additive game: member i adds values[i] on top of its own base.</summary>
    private static UtilityReport Report(string member, long rows, long baseline, params long[] values)
    {
        var schedule = CoalitionSchedule.For(Exact, 42, 1, 3);
        return new UtilityReport(PlanHash, 1, member, rows, [.. schedule.Select(c => new SubsetUtility(c, baseline + c.Members().Sum(i => values[i])))]);
    }

    private static RoundScores Score(params UtilityReport[] reports) => RoundScoring.Score(Exact, PlanHash, 42, 1, Roster, reports);

    [Fact]
    public void Score_CombinesReportsThenScores()
    {
        var sut = Score(Report("a", 1, 700, 30, 10, -20), Report("b", 3, 500, 10, 10, -20));

        Assert.Equal([15, 10, -20], sut.Scores);
        Assert.Equal((550L, 555L), (sut.UtilityOfNone!.Value, sut.UtilityOfAll!.Value));
        Assert.Equal(["a", "b"], sut.Evaluators);
    }

    [Fact]
    public void Score_SameReportsInAnotherOrder_GiveTheSameScoreVector()
    {
        UtilityReport[] reports = [Report("a", 1, 700, 30, 10, -20), Report("b", 3, 500, 10, 10, -20), Report("c", 2, 600, 1, 2, 3)];

        Assert.Equal(Score(reports).Hash(), Score([.. reports.Reverse()]).Hash());
    }

    [Fact]
    public void Score_ReportsThatDoNotFit_AreExcludedWithTheReason()
    {
        var good = Report("a", 1, 700, 30, 10, -20);
        var sut = Score(
            good,
            Report("b", 1, 0, 9, 9, 9) with { Round = 2 },
            Report("c", 1, 0, 9, 9, 9) with { PlanHash = new string('2', 64) },
            Report("d", 1, 0, 9, 9, 9) with { Utilities = good.Utilities.Take(7).ToArray() },
            Report("e", 1, 0, 1, 1, 1), Report("e", 1, 0, 2, 2, 2));

        Assert.Equal([30, 10, -20], sut.Scores);
        Assert.Equal(["a"], sut.Evaluators);
        Assert.Equal(["b", "c", "d", "e"], sut.Excluded.Select(e => e.Member));
        Assert.Contains("round 2", sut.Excluded[0].Reason);
        Assert.Contains("plan hash", sut.Excluded[1].Reason);
        Assert.Contains("7 utilities for 8", sut.Excluded[2].Reason);
        Assert.Contains("2 different reports", sut.Excluded[3].Reason);
    }

    [Fact]
    public void Score_NoUsableReport_ScoresNothing()
    {
        var sut = Score();

        Assert.Equal([0, 0, 0], sut.Scores);
        Assert.Null(sut.UtilityOfAll);
    }

    [Fact]
    public void Score_MemberTwiceInTheRoster_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => RoundScoring.Score(Exact, PlanHash, 42, 1, [new("a", 1), new("a", 2)], []));

        Assert.Contains("'a' appears twice", error.Message);
    }
}
