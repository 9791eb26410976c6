using System.Text.Json.Serialization;

namespace FedChain.Node.Bench;

/// <summary>The figures `fedchain bench gossip` writes to gossip.json (field names are a contract: other tools read them).</summary>
/// <param name="AllToAllSeconds">From the first publish until every node holds every blob.</param>
/// <param name="MaxReceivedRatio">Largest over nodes of socket bytes received / ((N-1) x blob size).</param>
/// <param name="MaxSentRatio">Largest over nodes of socket bytes sent / ((N-1) x blob size).</param>
/// <param name="ControlBytes">Frame bytes of everything but chunk data (gossip, announcements, requests, manifests), all nodes summed.</param>
public sealed record GossipBenchResult(
    [property: JsonPropertyName("nodes")] int Nodes,
    [property: JsonPropertyName("blob_bytes")] long BlobBytes,
    [property: JsonPropertyName("all_to_all_seconds")] double AllToAllSeconds,
    [property: JsonPropertyName("max_received_ratio")] double MaxReceivedRatio,
    [property: JsonPropertyName("max_sent_ratio")] double MaxSentRatio,
    [property: JsonPropertyName("control_bytes")] long ControlBytes);
