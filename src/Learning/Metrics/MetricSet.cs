namespace FedChain.Learning.Metrics;

/// <summary>
/// Test metrics of one model on one set of rows. Binary tasks fill the classification metrics
/// (threshold 0.5 on the predicted probability); survival tasks fill <see cref="CIndex"/>; count
/// tasks fill <see cref="Mae"/>, <see cref="Rmse"/> and <see cref="LogScore"/> (lower is better).
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
    double? CIndex = null,
    double? Mae = null,
    double? Rmse = null,
    double? LogScore = null)
{
    /// <summary>The metric a benchmark reports as its headline: accuracy, C-index, or for counts the mean logarithmic score (lower is better).</summary>
    public double Headline => CIndex ?? Accuracy ?? LogScore ?? double.NaN;
}
