using System.Text.Json.Serialization;

namespace FedChain.Learning.Benchmarks;

/// <summary>One attack's accuracies: the plain weighted mean (FedAvg), and each robust rule by name.</summary>
public sealed record AttackResult(
    [property: JsonPropertyName("fedavg")] double FedAvg,
    [property: JsonPropertyName("robust")] IReadOnlyDictionary<string, double> Robust);
