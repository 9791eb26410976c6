using FedChain.Learning.Data;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Metrics;

/// <summary>Scores a model on a set of rows and computes the task's metrics.</summary>
public static class Evaluation
{
    /// <summary>The plan's model on <paramref name="data"/>, with the metrics of the plan's task.</summary>
    public static MetricSet Evaluate(TrainingPlan plan, float[] parameters, SiteDataset data) =>
        Evaluate(plan.Architecture(), parameters, data, plan.Schema.Task.Kind);

    /// <param name="task">Survival rows are recognised by their times; count rows need <see cref="TaskKind.Count"/>.</param>
    public static MetricSet Evaluate(ModelArchitecture model, float[] parameters, SiteDataset data, TaskKind task = TaskKind.Binary)
    {
        var scores = model.Predict(parameters, data);
        if (data.IsSurvival) return new MetricSet(data.Count, CIndex: ConcordanceIndex.Compute(data.Times!, scores, data.Events!));
        if (task == TaskKind.Count)
        {
            var (means, sizes) = CountMetrics.FromScores(scores, model.OutputCount);
            return CountMetrics.Compute(means, sizes, data.Labels!);
        }

        return BinaryMetrics.Compute(scores, data.Labels!);
    }
}
