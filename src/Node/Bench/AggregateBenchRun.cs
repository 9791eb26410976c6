using System.Text.Json.Serialization;

namespace FedChain.Node.Bench;

/// <summary>One aggregation of the benchmark. <paramref name="CpuSeconds"/>: processor time of the whole process (all nodes) during it.
/// <paramref name="ControlReceivedPerUpdate"/>: frame bytes of everything but chunk data received per node (mean), over the update
/// size; <paramref name="ReceivedByCode"/>: the same per message code (TLS records and frame length prefixes not included).
/// <paramref name="PublishedPerNode"/>: signed gossip messages each node published (mean): each costs every other node a
/// signature recovery.</summary>
public sealed record AggregateBenchRun(
    [property: JsonPropertyName("max_received_per_update")] double MaxReceivedPerUpdate,
    [property: JsonPropertyName("mean_received_per_update")] double MeanReceivedPerUpdate,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("total_received_bytes")] long TotalReceivedBytes,
    [property: JsonPropertyName("plain_tcp_seconds")] double PlainTcpSeconds,
    [property: JsonPropertyName("cpu_seconds")] double CpuSeconds,
    [property: JsonPropertyName("identical_on_every_node")] bool IdenticalOnEveryNode,
    [property: JsonPropertyName("control_received_per_update")] double ControlReceivedPerUpdate,
    [property: JsonPropertyName("received_by_code_per_update")] IReadOnlyDictionary<string, double> ReceivedByCode,
    [property: JsonPropertyName("published_per_node")] double PublishedPerNode);
