using FedChain.Learning.Analysis.Results;
using Xunit.Abstractions;

namespace FedChain.Learning.Tests.Analysis;

/// <summary>
/// Federated Cox models on the Rotterdam and GBSG cohorts equal survival::coxph on the pooled rows,
/// with a common baseline (risk-set sums at the pooled event times) and stratified by site, each
/// with Efron and Breslow ties. Settings: data/breast-cancer-rotterdam-gbsg/analysis-plan.json
/// (k = 5, secure aggregation on, so event-time totals travel pooled), time grid 1 day.
/// </summary>
public sealed class CoxReferenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("cox-efron", "cox_efron")]
    [InlineData("cox-breslow", "cox_breslow")]
    [InlineData("cox-efron-by-site", "cox_efron_site")]
    [InlineData("cox-breslow-by-site", "cox_breslow_site")]
    public void Cox_RotterdamAndGbsg_EqualsCoxphOnThePooledRows(string analysis, string reference)
    {
        var sut = AnalysisFixtures.Cohorts.Result<CoxResult>(analysis);
        var expected = ReferenceNumbers.Cohorts.GetProperty(reference);

        var (worst, worstP) = ReferenceAssert.Cox(expected, sut);
        output.WriteLine($"{analysis}: {sut.Steps} steps, largest relative error {worst:E2} (p-values {worstP:E2})");
    }
}
