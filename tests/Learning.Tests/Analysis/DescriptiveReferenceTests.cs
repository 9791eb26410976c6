using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Tests.Analysis;

/// <summary>
/// Federated quantiles (bisection on pooled counts) and per-site means and SDs (Table 1) on the
/// heart-disease hospitals equal R's quantile(type = 7) and mean/sd. Settings: k = 5, secure aggregation on.
/// </summary>
public sealed class DescriptiveReferenceTests
{
    private static readonly Lazy<FedChain.Learning.Analysis.Engine.AnalysisOutcome> Outcome = new(() =>
    {
        var plan = AnalysisFixtures.Plan("heart-disease") with
        {
            Analyses =
            [
                .. new[] { "age", "chol", "oldpeak" }.Select(v => new QuantileSpec($"q-{v}", v, [0.1, 0.25, 0.5, 0.75, 0.9])),
                new DescribeSpec("table1", ["age", "chol", "oldpeak"]),
                new CrossTabSpec("cp-by-sex", "cp", "sex"),
            ],
        };
        return AnalysisFixtures.Run(plan.Validate(), AnalysisFixtures.Tables("heart-disease"));
    });

    [Theory]
    [InlineData("age")]
    [InlineData("chol")]
    [InlineData("oldpeak")]
    public void Quantiles_EqualRsType7(string variable)
    {
        var sut = Outcome.Value.Result<TableResult>($"q-{variable}");
        var expected = ReferenceNumbers.Heart.GetProperty($"quantiles_{variable}").Numbers();

        var actual = sut.Rows.Skip(1).Select(r => r.Cells[0].Value!.Value).ToArray();
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-9);
        Assert.Contains("exact order statistics", sut.Notes[0]);
    }

    [Fact]
    public void CrossTab_ChestPainBySex_ChiSquaredEqualsChisqTest()
    {
        var sut = Outcome.Value.Result<TableResult>("cp-by-sex").Test!;
        var expected = ReferenceNumbers.Heart.GetProperty("chisq_cp_sex");

        Assert.Equal((int)expected.GetProperty("df").Number(), sut.Df);
        Tolerances.Close(expected.GetProperty("chisq").Number(), sut.Chisq, Tolerances.Relative, "chisq");
        Tolerances.Close(expected.GetProperty("p").Number(), sut.P, Tolerances.PValue, "p");
    }

    [Theory]
    [InlineData("age")]
    [InlineData("chol")]
    [InlineData("oldpeak")]
    public void Describe_MeansAndSdsPerSite_EqualR(string variable)
    {
        var sut = Outcome.Value.Result<TableResult>("table1");
        var expected = ReferenceNumbers.Heart.GetProperty($"describe_{variable}").EnumerateArray().ToArray();
        var means = sut.Rows.Single(r => r.Label == $"{variable}: mean").Cells;
        var sds = sut.Rows.Single(r => r.Label == $"{variable}: SD").Cells;

        for (var s = 0; s < expected.Length; s++)
        {
            Tolerances.Close(expected[s].GetProperty("mean").Number(), means[s].Value!.Value, Tolerances.Relative, $"{sut.Columns[s]} mean");
            var sd = expected[s].GetProperty("sd").Number();
            if (sd == 0) Assert.Equal(0, sds[s].Value!.Value, 1e-9);
            else Tolerances.Close(sd, sds[s].Value!.Value, Tolerances.Relative, $"{sut.Columns[s]} SD");
        }
    }
}
