using System.Text.Json.Serialization;

namespace FedChain.Node.Bench;

/// <summary>What `fedchain bench aggregate` writes to aggregate.json (the first four figures' names are a contract).
/// Each figure is the median over the runs.</summary>
/// <param name="MaxReceivedPerUpdate">Largest over nodes of socket bytes received during the aggregation / update size.</param>
/// <param name="MeanReceivedPerUpdate">The same, averaged over nodes.</param>
/// <param name="Seconds">From the first node starting its part to the last node holding the verified aggregate, connections already up.</param>
/// <param name="PlainTcpSeconds">The same total bytes (all nodes' received bytes summed) through one plain loopback socket.</param>
/// <param name="CheckSeconds">One node's sum-check work alone: its challenge answers and the check of every shard sum.</param>
public sealed record AggregateBenchResult(
    [property: JsonPropertyName("nodes")] int Nodes,
    [property: JsonPropertyName("update_bytes")] long UpdateBytes,
    [property: JsonPropertyName("max_received_per_update")] double MaxReceivedPerUpdate,
    [property: JsonPropertyName("mean_received_per_update")] double MeanReceivedPerUpdate,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("plain_tcp_seconds")] double PlainTcpSeconds,
    [property: JsonPropertyName("check_seconds")] double CheckSeconds,
    [property: JsonPropertyName("runs")] IReadOnlyList<AggregateBenchRun> Runs);
