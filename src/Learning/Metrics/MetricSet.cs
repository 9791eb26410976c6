namespace FedChain.Learning.Metrics;

/// <summary>
/// Test metrics of one model on one set of rows. Binary tasks fill the classification metrics
/// (threshold 0.5 on the predicted probability); survival tasks fill <see cref="CIndex"/>.
/// A metric that is undefined on these rows (AUC with one class) is NaN.
/// </summary>
public sealed record MetricSet(
    int Rows,
    double? Accuracy = null,
    double? RocAuc = null,
    double? Sensitivity = null,
    double? Specificity = null,
    double? Precision = null,
    double? F1 = null,
    double? Brier = null,
    double? CIndex = null)
{
    /// <summary>The metric a benchmark reports as its headline: accuracy or C-index.</summary>
    public double Headline => CIndex ?? Accuracy ?? double.NaN;
}
