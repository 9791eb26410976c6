using FedChain.Learning.Data;
using FedChain.Learning.Metrics;
using FedChain.Learning.Models;

namespace FedChain.Learning.Contribution;

/// <summary>A member's side of scoring: evaluate every scheduled subset model on its own validation rows.</summary>
public static class UtilityEvaluation
{
    /// <param name="models">The subset models in schedule order (<see cref="CoalitionModels.BuildAll"/>).</param>
    /// <returns>The report to sign and publish, or null when the metric is undefined on these rows
    /// (no rows, or AUC with one class): such a member abstains rather than report a made-up number.</returns>
    public static UtilityReport? Evaluate(
        string planHash, int round, string member, ModelArchitecture model, UtilityMetric metric,
        SiteDataset validation, IReadOnlyList<Coalition> schedule, IReadOnlyList<float[]> models)
    {
        if (models.Count != schedule.Count) throw new ArgumentException($"{models.Count} models for {schedule.Count} scheduled subsets", nameof(models));
        if (validation.Count == 0) return null;
        var utilities = new SubsetUtility[schedule.Count];
        for (var i = 0; i < schedule.Count; i++)
        {
            var value = Utility(metric, Evaluation.Evaluate(model, models[i], validation));
            if (!double.IsFinite(value)) return null;
            utilities[i] = new SubsetUtility(schedule[i], ScoreUnits.FromDouble(value));
        }

        return new UtilityReport(planHash, round, member, validation.Count, utilities);
    }

    /// <summary>The metric as a utility, higher is better; NaN when the rows cannot measure it.</summary>
    public static double Utility(UtilityMetric metric, MetricSet metrics) => metric switch
    {
        UtilityMetric.Brier => 1 - (metrics.Brier ?? double.NaN),
        UtilityMetric.Accuracy => metrics.Accuracy ?? double.NaN,
        UtilityMetric.RocAuc => metrics.RocAuc ?? double.NaN,
        UtilityMetric.CIndex => metrics.CIndex ?? double.NaN,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown utility metric"),
    };
}
