using System.Text.Json.Serialization;
using FedChain.Learning.Forecasting;

namespace FedChain.Learning.Trees.Comparison;

/// <summary>results.json of <c>fedchain bench trees</c>: heart disease methods (FLamby's headline) and Poisson trees on influenza counts.</summary>
public sealed record TreesResult(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("methods")] IReadOnlyDictionary<string, TreesMethodResult> Methods,
    [property: JsonPropertyName("seeds")] IReadOnlyList<long> Seeds,
    [property: JsonPropertyName("centers")] IReadOnlyList<string> Centers,
    [property: JsonPropertyName("trees")] TreeSpec Trees,
    [property: JsonPropertyName("lightgbm_parameters")] string LightGbmParameters,
    [property: JsonPropertyName("influenza")] IReadOnlyDictionary<string, ForecastMethodResult>? Influenza);
