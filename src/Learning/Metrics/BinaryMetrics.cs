namespace FedChain.Learning.Metrics;

/// <summary>Classification metrics from logits and 0/1 labels.</summary>
public static class BinaryMetrics
{
    public static MetricSet Compute(IReadOnlyList<float> logits, IReadOnlyList<float> labels, double threshold = 0.5)
    {
        if (logits.Count != labels.Count) throw new ArgumentException($"{logits.Count} scores for {labels.Count} labels");
        int tp = 0, tn = 0, fp = 0, fn = 0;
        var brier = 0.0;
        for (var i = 0; i < logits.Count; i++)
        {
            var p = 1.0 / (1.0 + Math.Exp(-logits[i]));
            var positive = labels[i] > 0.5f;
            var predicted = p >= threshold;
            if (predicted && positive) tp++;
            else if (predicted) fp++;
            else if (positive) fn++;
            else tn++;
            brier += (p - (positive ? 1 : 0)) * (p - (positive ? 1 : 0));
        }

        var n = logits.Count;
        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        return new MetricSet(
            n,
            Accuracy: Ratio(tp + tn, n),
            RocAuc: RocAuc(logits, labels),
            Sensitivity: recall,
            Specificity: Ratio(tn, tn + fp),
            Precision: precision,
            F1: Ratio(2 * tp, 2 * tp + fp + fn),
            Brier: n == 0 ? double.NaN : brier / n);
    }

    /// <summary>Area under the ROC curve by the rank-sum (Mann-Whitney) form; tied scores count a half.</summary>
    public static double RocAuc(IReadOnlyList<float> scores, IReadOnlyList<float> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var averageRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++) ranks[order[k]] = averageRank;
            start = end + 1;
        }

        double positives = 0, negatives = 0, positiveRankSum = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            if (labels[i] > 0.5f) { positives++; positiveRankSum += ranks[i]; }
            else negatives++;
        }

        return positives == 0 || negatives == 0
            ? double.NaN
            : (positiveRankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}
