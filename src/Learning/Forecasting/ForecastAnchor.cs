using System.Text.Json.Serialization;

namespace FedChain.Learning.Forecasting;

/// <summary>A published or reference forecast's scores on the test weeks; null where it has none (a point forecast has no logS).</summary>
public sealed record ForecastAnchor(
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("rmse")] double? Rmse,
    [property: JsonPropertyName("logs")] double? LogScore,
    [property: JsonPropertyName("source")] string Source);
