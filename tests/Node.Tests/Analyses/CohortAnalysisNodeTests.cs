using FedChain.Learning.Analysis.Results;
using FedChain.Learning.Tests.Analysis;
using FedChain.Node.Tests.EndToEnd;
using Xunit.Abstractions;

namespace FedChain.Node.Tests.Analyses;

/// <summary>
/// Survival analyses through two node processes on anvil (<see cref="CohortAnalysisRun"/>): Cox
/// (common baseline and stratified by site, Efron and Breslow), Kaplan-Meier and log-rank equal R's
/// coxph, survfit and survdiff on the pooled rows to 1e-6 relative (1e-4 for p-values). Settings:
/// the shipped plan (secure aggregation in Z_2^64, k = 5, the KM curve by therapy with an approved
/// k = 1, maxParameterShare 0.33, time grid 1 day).
/// </summary>
[Collection(ConsortiumCollection.Name)]
public sealed class CohortAnalysisNodeTests(CohortAnalysisRun run, ITestOutputHelper output) : IClassFixture<CohortAnalysisRun>
{
    private IReadOnlyDictionary<string, AnalysisResult> Results(int member) => NodeResults.Of(run.NodeAnalysisJson(run.Members[member], 0));

    [Theory]
    [InlineData("cox-efron", "cox_efron")]
    [InlineData("cox-breslow", "cox_breslow")]
    [InlineData("cox-efron-by-site", "cox_efron_site")]
    [InlineData("cox-breslow-by-site", "cox_breslow_site")]
    public void Cox_ThroughTwoNodes_EqualsCoxphOnThePooledRows(string analysis, string reference)
    {
        var expected = ReferenceNumbers.Cohorts.GetProperty(reference);
        for (var m = 0; m < run.Members.Count; m++)
        {
            var sut = Results(m).Result<CoxResult>(analysis);

            var (worst, worstP) = ReferenceAssert.Cox(expected, sut);
            output.WriteLine($"{run.Members[m].Site}, {analysis}: {sut.Steps} steps, largest relative error {worst:E2} (p-values {worstP:E2})");
        }

        output.WriteLine($"the run took {run.Elapsed.TotalSeconds:F0} s");
    }

    [Fact]
    public void KaplanMeier_ByTherapyWithApprovedK1_EqualsSurvfitAtEveryEventTime()
    {
        for (var m = 0; m < run.Members.Count; m++)
        {
            var sut = Results(m).Result<KaplanMeierResult>("km-by-hormon");

            var worst = ReferenceAssert.KaplanMeier(ReferenceNumbers.Cohorts.GetProperty("km_hormon"), sut);
            output.WriteLine($"{run.Members[m].Site}, KM: {sut.Strata.Sum(s => s.Times.Count)} released steps, largest relative error {worst:E2}");
        }
    }

    [Theory]
    [InlineData("logrank-hormon", "logrank_hormon")]
    [InlineData("logrank-hormon-by-site", "logrank_hormon_by_site")]
    public void LogRank_ThroughTwoNodes_EqualsSurvdiff(string analysis, string reference)
    {
        var expected = ReferenceNumbers.Cohorts.GetProperty(reference);
        for (var m = 0; m < run.Members.Count; m++)
        {
            var sut = Results(m).Result<LogRankResult>(analysis);

            var error = ReferenceAssert.LogRank(expected, sut);
            output.WriteLine($"{run.Members[m].Site}, {analysis}: chisq relative error {error:E2}");
        }
    }

    [Fact]
    public async Task EachNodesAnalysisJson_IsWhatFedchainAnalyseWrites_AndTheAuditRecomputesIt()
    {
        var analyse = await run.FedchainAnalyseAsync(0);

        Assert.All(run.Members, m => Assert.Equal(analyse, run.NodeAnalysisJson(m, 0)));
        Assert.Empty(run.Audit.Findings);
        Assert.Equal(analyse, run.Audit.Analyses[run.PlanIds[0].ToString()]);
        var record = run.Record(0);
        Assert.True(record.AgreedResult!.Round < record.TotalRounds - 1, "the plan did not close early");
        Assert.All(run.Members, m => Assert.True(run.NodeResult(m, 0).Agreed));
    }
}
