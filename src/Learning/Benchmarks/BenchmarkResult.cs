using System.Text.Json.Serialization;

namespace FedChain.Learning.Benchmarks;

/// <summary>
/// results.json of <c>fedchain bench flamby</c>: {"dataset", "metric", "methods": {NAME: {"headline_mean",
/// "headline_sd", "per_center"}}} as other tools read it, plus the seeds, centers, FLamby's numbers and the tuning record.
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
    /// <summary>The best federated method without DP by headline mean (pooled, local_K and DP methods excluded).</summary>
    public KeyValuePair<string, MethodResult> BestFederated =>
        Methods.Where(m => m.Key != "pooled" && !m.Key.StartsWith("local_", StringComparison.Ordinal) && m.Value.Epsilon is null).MaxBy(m => m.Value.HeadlineMean);

    /// <summary>The tuned family chosen on validation (<see cref="FlambyBenchmark.ValidationBest"/>), when the protocol has more than one (a method, so results.json keeps its fields).</summary>
    public KeyValuePair<string, MethodResult>? ValidationChoice() =>
        Methods.TryGetValue(FlambyBenchmark.ValidationBest, out var chosen) ? new(Tuning.Single(t => t.Method == FlambyBenchmark.ValidationBest).Chosen, chosen) : null;

    /// <summary>The methods trained with DP-SGD, by epsilon.</summary>
    public IEnumerable<KeyValuePair<string, MethodResult>> Private => Methods.Where(m => m.Value.Epsilon is not null).OrderBy(m => m.Value.Epsilon);
}
