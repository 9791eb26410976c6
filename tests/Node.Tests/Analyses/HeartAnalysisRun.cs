using FedChain.Learning.Analysis.Plans;

namespace FedChain.Node.Tests.Analyses;

/// <summary>
/// The four heart-disease hospitals as four nodes running two analysis plans at once:
/// plan 0, data/heart-disease/analysis-plan.json (secure aggregation in Z_2^64, k = 5, maxParameterShare
/// 0.33: Table 1, missingness, a histogram, a cross-tab, quantiles and three GLMs); plan 1, without
/// secure aggregation: missingness and a histogram by site, each released with Gaussian noise
/// (epsilon 0.4 and 0.3, delta 1e-6), and the linear GLM again, so the plain sum and the ledger's
/// DP charge (0.7 per member) run through the nodes too.
/// </summary>
public sealed class HeartAnalysisRun() : AnalysisConsortiumRun("heart-disease", data =>
[
    AnalysisPlan.Load(Path.Combine(data.Path, "analysis-plan.json")),
    new AnalysisPlan(AnalysisPlan.CurrentFormatVersion, new DisclosureSettings(),
    [
        new MissingnessSpec("missingness-dp", Dp: new DpRelease(0.4)),
        new HistogramSpec("age-by-site-dp", "age", Edges: [20, 30, 40, 50, 60, 70, 80], BySite: true, Dp: new DpRelease(0.3)),
        new GlmSpec("linear", GlmFamily.Gaussian, "thalach", ["age", "sex", "cp", "trestbps", "exang"]),
    ], SecureAggregation: false, Description: "Node test: DP releases by site and a linear model without secure aggregation."),
])
{
    public const int Shipped = 0;
    public const int PlainWithDp = 1;
    public const double DpEpsilon = 0.7;
}
