using System.Text.Json.Serialization;

namespace FedChain.Node.Bench;

/// <summary>Everything else a gossip benchmark run measured, in gossip-detail.json.</summary>
/// <param name="CpuSeconds">Processor time of the whole process (every node) during the all-to-all.</param>
/// <param name="PlainTcpBytes">The bytes the all-to-all delivered in total, N(N-1) x blob size, sent once through one plain loopback TCP socket for comparison.</param>
public sealed record GossipBenchDetail(
    [property: JsonPropertyName("result")] GossipBenchResult Result,
    [property: JsonPropertyName("plain_tcp_bytes")] long PlainTcpBytes,
    [property: JsonPropertyName("plain_tcp_seconds")] double PlainTcpSeconds,
    [property: JsonPropertyName("mean_received_ratio")] double MeanReceivedRatio,
    [property: JsonPropertyName("cpu_seconds")] double CpuSeconds,
    [property: JsonPropertyName("nodes")] IReadOnlyList<GossipBenchNode> Nodes);
