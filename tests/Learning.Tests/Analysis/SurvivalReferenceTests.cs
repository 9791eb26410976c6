using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;
using Xunit.Abstractions;

namespace FedChain.Learning.Tests.Analysis;

/// <summary>
/// Federated Kaplan-Meier curves and log-rank tests on the Rotterdam and GBSG cohorts equal R's
/// survfit (conf.type "log") and survdiff on the pooled rows. Settings: the KM curve by hormonal
/// therapy runs with an approved k = 1 (every event time released), secure aggregation on.
/// </summary>
public sealed class SurvivalReferenceTests(ITestOutputHelper output)
{
    // Not in the shipped plan: the curve at public times (k = 5 applies; each interval holds hundreds of events) and a three-group test.
    private static readonly Lazy<FedChain.Learning.Analysis.Engine.AnalysisOutcome> Extra = new(() =>
    {
        var plan = AnalysisFixtures.Plan("breast-cancer-rotterdam-gbsg") with
        {
            Analyses = [new KaplanMeierSpec("km-at-times", Times: [365, 730, 1825, 3650]), new LogRankSpec("logrank-grade", "grade")],
        };
        return AnalysisFixtures.Run(plan.Validate(), AnalysisFixtures.Tables("breast-cancer-rotterdam-gbsg"));
    });

    [Fact]
    public void KaplanMeier_ByTherapyWithApprovedK1_EqualsSurvfitAtEveryEventTime()
    {
        var sut = AnalysisFixtures.Cohorts.Result<KaplanMeierResult>("km-by-hormon");
        var worst = ReferenceAssert.KaplanMeier(ReferenceNumbers.Cohorts.GetProperty("km_hormon"), sut);

        output.WriteLine($"KM: {sut.Strata.Sum(s => s.Times.Count)} released steps, largest relative error {worst:E2}");
    }

    [Fact]
    public void KaplanMeier_AtPublicTimesUnderK5_EqualsSummaryOfSurvfitAtThoseTimes()
    {
        var sut = Extra.Value.Result<KaplanMeierResult>("km-at-times").Strata.Single();
        var expected = ReferenceNumbers.Cohorts.GetProperty("km_at_times");

        Assert.Equal(expected.GetProperty("times").Numbers(), sut.Times);
        Assert.Equal(expected.GetProperty("n_risk").Numbers(), sut.NRisk.Select(n => (double)n));
        Assert.Equal(expected.GetProperty("n_event").Numbers(), sut.NEvent.Select(n => (double)n));
        foreach (var (field, values) in new[] { ("survival", sut.Survival), ("lower", sut.Lower), ("upper", sut.Upper) })
        {
            var reference = expected.GetProperty(field).Numbers();
            for (var i = 0; i < reference.Length; i++) Tolerances.Close(reference[i], values[i], Tolerances.Relative, $"{field} at {sut.Times[i]}");
        }
    }

    [Fact]
    public void LogRank_ThreeGrades_EqualsSurvdiffWithTwoDegreesOfFreedom()
    {
        var sut = Extra.Value.Result<LogRankResult>("logrank-grade");
        var expected = ReferenceNumbers.Cohorts.GetProperty("logrank_grade");

        Assert.Equal(2, sut.Df);
        Tolerances.Close(expected.GetProperty("chisq").Number(), sut.Chisq, Tolerances.Relative, "chisq");
        Tolerances.Close(expected.GetProperty("p").Number(), sut.P, Tolerances.PValue, "p");
        Assert.Equal(expected.GetProperty("observed").Numbers(), sut.Groups.Select(g => g.Observed.Value!.Value));
    }

    [Theory]
    [InlineData("logrank-hormon", "logrank_hormon")]
    [InlineData("logrank-hormon-by-site", "logrank_hormon_by_site")]
    public void LogRank_ByTherapy_EqualsSurvdiff(string analysis, string reference)
    {
        var sut = AnalysisFixtures.Cohorts.Result<LogRankResult>(analysis);
        var expected = ReferenceNumbers.Cohorts.GetProperty(reference);

        var error = ReferenceAssert.LogRank(expected, sut);
        output.WriteLine($"{analysis}: chisq {sut.Chisq:R} vs {expected.GetProperty("chisq").Number():R} (relative error {error:E2})");
    }
}
