using System.Text.Json.Serialization;

namespace FedChain.Learning.Benchmarks;

/// <summary>One way of sending updates: the update blobs' bytes per round (all members, envelopes included) and the mean per-site test accuracy.</summary>
public sealed record CompressionFigures(
    [property: JsonPropertyName("bytes_per_round")] double BytesPerRound,
    [property: JsonPropertyName("accuracy")] double Accuracy);
