using FedChain.Learning.Data;
using FedChain.Learning.Models;
using FedChain.Learning.Training;

namespace FedChain.Learning.Metrics;

/// <summary>Scores a model on a set of rows and computes the task's metrics.</summary>
public static class Evaluation
{
    public static MetricSet Evaluate(ModelArchitecture model, float[] parameters, SiteDataset data)
    {
        var scores = LocalTrainer.Predict(model, parameters, data);
        return data.IsSurvival
            ? new MetricSet(data.Count, CIndex: ConcordanceIndex.Compute(data.Times!, scores, data.Events!))
            : BinaryMetrics.Compute(scores, data.Labels!);
    }
}
