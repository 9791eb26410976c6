using MathNet.Numerics;

namespace FedChain.Learning.Metrics;

/// <summary>
/// Forecast metrics of a count model: MAE and RMSE of the predictive mean, and the mean
/// logarithmic score -log P(y) of the predictive distribution (Gneiting &amp; Raftery 2007; hhh4's
/// "logs", Czado, Gneiting &amp; Held 2009). Negative binomial with mean mu and size r:
/// variance = mu + mu^2 / r; Poisson when r is infinite.
/// </summary>
public static class CountMetrics
{
    /// <param name="means">Predictive means.</param>
    /// <param name="sizes">Negative binomial sizes; null (or infinite values) for Poisson.</param>
    public static MetricSet Compute(IReadOnlyList<double> means, IReadOnlyList<double>? sizes, IReadOnlyList<float> counts)
    {
        if (means.Count != counts.Count) throw new ArgumentException($"{means.Count} forecasts for {counts.Count} counts");
        if (counts.Count == 0) return new MetricSet(0, Mae: double.NaN, Rmse: double.NaN, LogScore: double.NaN);
        double absolute = 0, squared = 0, logScore = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            var error = counts[i] - means[i];
            absolute += Math.Abs(error);
            squared += error * error;
            logScore -= LogProbability(counts[i], means[i], sizes?[i] ?? double.PositiveInfinity);
        }

        var n = counts.Count;
        return new MetricSet(n, Mae: absolute / n, Rmse: Math.Sqrt(squared / n), LogScore: logScore / n);
    }

    /// <summary>log P(y) under a negative binomial (mean, size), or a Poisson when size is infinite.</summary>
    public static double LogProbability(double y, double mean, double size)
    {
        if (double.IsPositiveInfinity(size)) return y * Math.Log(mean) - mean - SpecialFunctions.GammaLn(y + 1);
        var logTotal = Math.Log(size + mean);
        return SpecialFunctions.GammaLn(y + size) - SpecialFunctions.GammaLn(size) - SpecialFunctions.GammaLn(y + 1)
            + size * (Math.Log(size) - logTotal) + (y == 0 ? 0 : y * (Math.Log(mean) - logTotal));
    }

    /// <summary>Means and sizes from a model's scores: [log-mean, log-size] per row with two outputs, log-mean (Poisson) with one.</summary>
    public static (double[] Means, double[]? Sizes) FromScores(IReadOnlyList<float> scores, int outputs)
    {
        var rows = scores.Count / outputs;
        var means = new double[rows];
        var sizes = outputs == 2 ? new double[rows] : null;
        for (var i = 0; i < rows; i++)
        {
            means[i] = Math.Exp(scores[i * outputs]);
            if (sizes is not null) sizes[i] = Math.Exp(scores[i * outputs + 1]);
        }

        return (means, sizes);
    }
}
