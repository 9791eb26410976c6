using System.Text.Json.Serialization;

namespace FedChain.Learning.Benchmarks;

/// <summary>How a tuned method's settings were chosen: every candidate's validation score, and the winner.</summary>
public sealed record TuningRecord(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("chosen")] string Chosen,
    [property: JsonPropertyName("candidates")] IReadOnlyDictionary<string, double> Candidates,
    [property: JsonPropertyName("how")] string How);
