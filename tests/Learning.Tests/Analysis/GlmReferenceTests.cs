using FedChain.Learning.Analysis.Results;
using Xunit.Abstractions;

namespace FedChain.Learning.Tests.Analysis;

/// <summary>
/// Federated GLMs on the four heart-disease hospitals equal R's pooled fits (glm for logistic and
/// Poisson, lm for linear). Settings: data/heart-disease/analysis-plan.json (k = 5, secure
/// aggregation on, maxParameterShare 0.33), Newton tolerance 1e-10.
/// </summary>
public sealed class GlmReferenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("logistic", "glm_binomial")]
    [InlineData("linear", "glm_gaussian")]
    [InlineData("poisson", "glm_poisson")]
    public void Glm_HeartHospitals_EqualsThePooledFit(string analysis, string reference)
    {
        var sut = AnalysisFixtures.Heart.Result<GlmResult>(analysis);
        var expected = ReferenceNumbers.Heart.GetProperty(reference);

        var (worst, worstP) = ReferenceAssert.Glm(expected, sut);
        output.WriteLine($"{analysis}: {sut.Steps} steps, largest relative error {worst:E2} (p-values {worstP:E2})");
    }
}
