using System.Text.Json.Serialization;

namespace FedChain.Node.Bench;

/// <summary>One aggregation of the benchmark. <paramref name="CpuSeconds"/>: processor time of the whole process (all nodes) during it.</summary>
public sealed record AggregateBenchRun(
    [property: JsonPropertyName("max_received_per_update")] double MaxReceivedPerUpdate,
    [property: JsonPropertyName("mean_received_per_update")] double MeanReceivedPerUpdate,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("total_received_bytes")] long TotalReceivedBytes,
    [property: JsonPropertyName("plain_tcp_seconds")] double PlainTcpSeconds,
    [property: JsonPropertyName("cpu_seconds")] double CpuSeconds,
    [property: JsonPropertyName("identical_on_every_node")] bool IdenticalOnEveryNode);
