using FedChain.Learning.Contribution;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Tests.Contribution;

public sealed class ScoreAuditTests
{
    private const string PlanHash = "2222222222222222222222222222222222222222222222222222222222222222";
    private static readonly ContributionSettings Exact = new(ContributionMethod.ExactShapley, RewardPerRound: 1000);
    private static readonly RosterMember[] Roster = [new("a", 10), new("b", 20), new("c", 30)];

    private static RoundScores Recompute()
    {
        var schedule = CoalitionSchedule.For(Exact, 7, 4, 3);
        long[] values = [40, 25, -10];
        var report = new UtilityReport(PlanHash, 4, "a", 50, [.. schedule.Select(c => new SubsetUtility(c, 700 + c.Members().Sum(i => values[i])))]);
        return RoundScoring.Score(Exact, PlanHash, 7, 4, Roster, [report]);
    }

    [Fact]
    public void Compare_RecordedAsRecomputed_FindsNothing()
    {
        var sut = Recompute();

        Assert.Empty(ScoreAudit.Compare(sut, sut.Members, sut.Scores));
    }

    [Fact]
    public void Compare_AlteredScores_NameTheRoundAndTheMember()
    {
        var sut = Recompute();
        long[] scores = [.. sut.Scores];
        scores[1] += 1;
        scores[2] = 5;

        var found = ScoreAudit.Compare(sut, sut.Members, scores);

        Assert.Equal(["round 4, member b (position 1): recorded score 26, recomputed 25", "round 4, member c (position 2): recorded score 5, recomputed -10"], found.Select(d => d.ToString()));
    }

    [Fact]
    public void Compare_ReorderedRoster_IsReportedAsMemberMismatches()
    {
        var sut = Recompute();

        var found = ScoreAudit.Compare(sut, ["b", "a", "c"], sut.Scores);

        Assert.Equal([("member", "b", "a"), ("member", "a", "b")], found.Select(d => (d.Field, d.Recorded, d.Recomputed)));
    }
}
