using System.Text.Json.Serialization;

namespace FedChain.Node.Bench;

/// <summary>One node's share of a gossip benchmark run, in gossip-detail.json.</summary>
public sealed record GossipBenchNode(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("received_bytes")] long ReceivedBytes,
    [property: JsonPropertyName("sent_bytes")] long SentBytes,
    [property: JsonPropertyName("received_ratio")] double ReceivedRatio,
    [property: JsonPropertyName("sent_ratio")] double SentRatio,
    [property: JsonPropertyName("chunks_fetched")] long ChunksFetched,
    [property: JsonPropertyName("chunks_served")] long ChunksServed);
