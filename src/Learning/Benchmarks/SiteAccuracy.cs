using System.Text.Json.Serialization;

namespace FedChain.Learning.Benchmarks;

/// <summary>One site's test accuracy, mean over seeds, of the global model and of its personal model.</summary>
public sealed record SiteAccuracy(
    [property: JsonPropertyName("global")] double Global,
    [property: JsonPropertyName("personal")] double Personal);
