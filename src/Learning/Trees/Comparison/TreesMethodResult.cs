using System.Text.Json.Serialization;
using FedChain.Learning.Benchmarks;

namespace FedChain.Learning.Trees.Comparison;

/// <summary>One method on heart disease: FLamby's headline (per-center mean test accuracy) and the mean per-center AUC, over the seeds.</summary>
public sealed record TreesMethodResult(
    [property: JsonPropertyName("headline_mean")] double HeadlineMean,
    [property: JsonPropertyName("headline_sd")] double HeadlineSd,
    [property: JsonPropertyName("per_center")] IReadOnlyList<double> PerCenter,
    [property: JsonPropertyName("auc_mean")] double AucMean,
    [property: JsonPropertyName("auc_per_center")] IReadOnlyList<double> AucPerCenter,
    [property: JsonPropertyName("per_seed")] IReadOnlyList<double> PerSeed,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("note")] string Note)
{
    /// <param name="accuracy">Per seed, per center.</param>
    /// <param name="auc">Per seed, per center (NaN where a center's test rows hold one class).</param>
    public static TreesMethodResult Of(IReadOnlyList<double[]> accuracy, IReadOnlyList<double[]> auc, double seconds, string note)
    {
        var headlines = accuracy.Select(c => c.Average()).ToArray();
        var (mean, sd) = SeedSummary.Of(headlines);
        var centers = accuracy[0].Length;
        var aucPerCenter = Enumerable.Range(0, centers).Select(c => auc.Average(s => s[c])).ToArray();
        return new TreesMethodResult(mean, sd,
            [.. Enumerable.Range(0, centers).Select(c => accuracy.Average(s => s[c]))],
            aucPerCenter.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average(), aucPerCenter, headlines, seconds, note);
    }
}
