using System.Text.Json.Serialization;

namespace FedChain.Node.Demo;

/// <summary>
/// `fedchain bench async`'s results.json (the contract other tools read): the target accuracy and the
/// wall-clock seconds synchronous and asynchronous rounds took to reach it, means over the seeds; null
/// when a run of that kind did not reach it in some seed (detail.json says which).
/// </summary>
public sealed record AsyncBenchResult(
    [property: JsonPropertyName("target_accuracy")] double TargetAccuracy,
    [property: JsonPropertyName("sync_seconds")] double? SyncSeconds,
    [property: JsonPropertyName("async_seconds")] double? AsyncSeconds);
