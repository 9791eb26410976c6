using System.Text.Json.Serialization;

namespace FedChain.Learning.Benchmarks;

/// <summary>
/// results.json of <c>fedchain bench flamby</c>: {"dataset", "metric", "methods": {NAME: {"headline_mean",
/// "headline_sd", "per_center"}}} as issue 3 specifies, plus the seeds, centers, FLamby's numbers and the tuning record.
/// </summary>
public sealed record BenchmarkResult(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("methods")] IReadOnlyDictionary<string, MethodResult> Methods,
    [property: JsonPropertyName("seeds")] IReadOnlyList<long> Seeds,
    [property: JsonPropertyName("centers")] IReadOnlyList<string> Centers,
    [property: JsonPropertyName("published")] IReadOnlyDictionary<string, PublishedResult> Published,
    [property: JsonPropertyName("tuning")] IReadOnlyList<TuningRecord> Tuning)
{
    /// <summary>The best federated method by headline mean (pooled and local_K excluded).</summary>
    public KeyValuePair<string, MethodResult> BestFederated =>
        Methods.Where(m => m.Key != "pooled" && !m.Key.StartsWith("local_", StringComparison.Ordinal)).MaxBy(m => m.Value.HeadlineMean);
}
