using System.Text.Json.Serialization;

namespace FedChain.Learning.Benchmarks;

/// <summary>FLamby's published figure for a method (data READMEs), for the side-by-side table.</summary>
public sealed record PublishedResult(
    [property: JsonPropertyName("headline_mean")] double HeadlineMean,
    [property: JsonPropertyName("headline_sd")] double HeadlineSd);
