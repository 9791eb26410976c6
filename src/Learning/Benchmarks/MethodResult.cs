using System.Text.Json.Serialization;

namespace FedChain.Learning.Benchmarks;

/// <summary>
/// One method's results over the seeds. The headline of a seed is the unweighted mean of the
/// per-center test metrics; <see cref="HeadlineMean"/> and <see cref="HeadlineSd"/> (population sd)
/// run over seeds; <see cref="PerCenter"/> is each center's metric averaged over seeds. DP methods
/// carry each member's (<see cref="Epsilon"/>, <see cref="Delta"/>) budget; others leave them out.
/// </summary>
public sealed record MethodResult(
    [property: JsonPropertyName("headline_mean")] double HeadlineMean,
    [property: JsonPropertyName("headline_sd")] double HeadlineSd,
    [property: JsonPropertyName("per_center")] IReadOnlyList<double> PerCenter,
    [property: JsonPropertyName("per_seed")] IReadOnlyList<double> PerSeed,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("epsilon")] double? Epsilon = null,
    [property: JsonPropertyName("delta")] double? Delta = null);
