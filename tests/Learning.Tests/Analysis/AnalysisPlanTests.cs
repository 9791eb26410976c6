using FedChain.Learning.Analysis.Plans;

namespace FedChain.Learning.Tests.Analysis;

public sealed class AnalysisPlanTests
{
    [Fact]
    public void Hash_CanonicalBytesParsedBack_IsTheSame()
    {
        var plan = AnalysisFixtures.Plan("breast-cancer-rotterdam-gbsg");

        var again = AnalysisPlan.Parse(System.Text.Encoding.UTF8.GetString(plan.CanonicalBytes()), "plan.json");

        Assert.Equal(plan.Hash, again.Hash);
        Assert.NotEqual(plan.Hash, (plan with { Disclosure = new DisclosureSettings(MinCellCount: 10) }).Hash);
    }

    [Theory]
    [InlineData("""{ "kind": "glm", "name": "m", "family": "binomial", "response": "rfs_time", "terms": ["age"] }""", "analysis 'm' (GlmSpec): a binomial response must be 0/1")]
    [InlineData("""{ "kind": "cox", "name": "c", "terms": ["tumour"] }""", "analysis 'c' (CoxSpec): 'terms' names column 'tumour'")]
    [InlineData("""{ "kind": "km", "name": "k", "by": "age" }""", "analysis 'k' (KaplanMeierSpec): column 'age' cannot group rows")]
    [InlineData("""{ "kind": "cox", "name": "c", "terms": ["age"], "strata": "grade" }""", "'strata' must be \"site\"")]
    [InlineData("""{ "kind": "histogram", "name": "h", "variable": "size" }""", "'variable' column 'size' must be numeric")]
    [InlineData("""{ "kind": "quantiles", "name": "q", "variable": "age", "probabilities": [1.5] }""", "'probabilities' must be in [0, 1]")]
    [InlineData("""{ "kind": "histogram", "name": "h", "variable": "age", "dp": { "epsilon": 3 } }""", "dp.epsilon must be in (0, 1)")]
    [InlineData("""{ "kind": "ttest", "name": "t" }""", "ttest")]
    public void WithSchema_BadAnalysis_NamesTheAnalysisAndTheField(string analysis, string expected)
    {
        var json = $$"""{ "formatVersion": 1, "disclosure": {}, "analyses": [ {{analysis}} ] }""";

        var error = Assert.ThrowsAny<ArgumentException>(() => AnalysisPlan.Parse(json, "bad.json").WithSchema(Support.Datasets.Load("breast-cancer-rotterdam-gbsg").Schema));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void MaxRounds_IsTheLongestAnalysisBound()
    {
        var plan = AnalysisFixtures.Plan("breast-cancer-rotterdam-gbsg");

        // Cox: one step of counts and event-time totals, then at most 30 Newton steps.
        Assert.Equal(31, plan.MaxRounds(["gbsg", "rotterdam"]));
    }
}
