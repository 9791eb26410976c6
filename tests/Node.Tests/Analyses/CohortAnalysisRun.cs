namespace FedChain.Node.Tests.Analyses;

/// <summary>
/// The Rotterdam and GBSG cohorts as two nodes, each reading its own export through its mapping,
/// running data/breast-cancer-rotterdam-gbsg/analysis-plan.json: secure aggregation in Z_2^64 (so
/// event-time totals travel pooled), k = 5, the Kaplan-Meier curve by therapy with the approved
/// k = 1, time grid 1 day; Table 1, two Kaplan-Meier curves, two log-rank tests and four Cox models.
/// </summary>
public sealed class CohortAnalysisRun() : AnalysisConsortiumRun("breast-cancer-rotterdam-gbsg", data =>
    [Learning.Analysis.Plans.AnalysisPlan.Load(Path.Combine(data.Path, "analysis-plan.json"))]);
