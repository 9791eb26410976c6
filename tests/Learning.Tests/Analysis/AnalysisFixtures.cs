using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;
using FedChain.Learning.Data;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Analysis;

/// <summary>The shipped analysis plans run in-process over the real sites, once per test process.</summary>
internal static class AnalysisFixtures
{
    private static readonly Lazy<AnalysisOutcome> HeartOutcome = new(() => Run("heart-disease"));
    private static readonly Lazy<AnalysisOutcome> CohortOutcome = new(() => Run("breast-cancer-rotterdam-gbsg"));

    public static AnalysisOutcome Heart => HeartOutcome.Value;

    public static AnalysisOutcome Cohorts => CohortOutcome.Value;

    public static IReadOnlyList<SiteTable> Tables(string dataset) => [.. Datasets.Load(dataset).Sites.Select(s => s.Table)];

    public static AnalysisPlan Plan(string dataset) =>
        AnalysisPlan.Load(Path.Combine(Datasets.Folder(dataset), "analysis-plan.json")).WithSchema(Datasets.Load(dataset).Schema);

    public static AnalysisOutcome Run(AnalysisPlan plan, IReadOnlyList<SiteTable> tables) =>
        AnalysisRun.Run(plan, tables, AnalysisRun.SimulatedNoise(plan));

    public static T Result<T>(this AnalysisOutcome outcome, string name) where T : AnalysisResult =>
        Assert.IsType<T>(outcome.Results.Single(r => r.Name == name));

    private static AnalysisOutcome Run(string dataset) => Run(Plan(dataset), Tables(dataset));
}
