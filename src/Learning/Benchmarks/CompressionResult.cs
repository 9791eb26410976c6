using System.Text.Json.Serialization;

namespace FedChain.Learning.Benchmarks;

/// <summary>What <c>fedchain bench compression</c> writes to results.json (means over the seeds).</summary>
public sealed record CompressionResult(
    [property: JsonPropertyName("uncompressed")] CompressionFigures Uncompressed,
    [property: JsonPropertyName("methods")] IReadOnlyDictionary<string, CompressionFigures> Methods);
