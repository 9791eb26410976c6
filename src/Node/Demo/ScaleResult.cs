using System.Text.Json.Serialization;
using FedChain.Node.Agent;

namespace FedChain.Node.Demo;

/// <summary>What `fedchain bench scale` writes to scale.json: one consortium of N node processes through a sharded plan.</summary>
/// <param name="UpdateBytes">One member's committed update (the plan's words, 4 bytes each).</param>
/// <param name="RoundSeconds">Per training round: from the first node starting it to the last node holding its aggregate.</param>
/// <param name="ReceivedPerNodePerRound">Socket bytes (TLS included) a node received during a training round: max and mean over nodes and rounds.</param>
/// <param name="MemoryPerNode">Resident bytes of a node process, sampled as it finished each round: the largest sample of each node, max and mean over nodes.</param>
/// <param name="ProportionalMemoryPerNode">Proportional set size of a node process (its private pages plus its share of pages shared with
/// the other nodes, such as libtorch's code), sampled as <paramref name="MemoryPerNode"/>: what N processes take together is N times the mean.</param>
/// <param name="MaxPeers">Each node's peer limit (<c>maxPeers</c>); 0: none, a link to every member.</param>
/// <param name="ConnectionsPerNode">Members a node was connected to as it finished a round, its most over the rounds: max and mean over nodes.</param>
public sealed record ScaleResult(
    [property: JsonPropertyName("nodes")] int Nodes,
    [property: JsonPropertyName("split")] string Split,
    [property: JsonPropertyName("max_peers")] int MaxPeers,
    [property: JsonPropertyName("rounds")] int Rounds,
    [property: JsonPropertyName("update_bytes")] long UpdateBytes,
    [property: JsonPropertyName("round_seconds")] IReadOnlyList<double> RoundSeconds,
    [property: JsonPropertyName("received_per_node_per_round")] ScaleFigure ReceivedPerNodePerRound,
    [property: JsonPropertyName("memory_per_node")] ScaleFigure MemoryPerNode,
    [property: JsonPropertyName("proportional_memory_per_node")] ScaleFigure ProportionalMemoryPerNode,
    [property: JsonPropertyName("connections_per_node")] ScaleFigure ConnectionsPerNode,
    [property: JsonPropertyName("total_seconds")] double TotalSeconds,
    [property: JsonPropertyName("identical_on_every_node")] bool IdenticalOnEveryNode,
    [property: JsonPropertyName("audit_findings")] IReadOnlyList<string> AuditFindings)
{
    /// <summary>Socket bytes each node received in each training round, by site: where a maximum comes from.</summary>
    [JsonPropertyName("received_by_site")]
    public IReadOnlyDictionary<string, List<long>> ReceivedBySite { get; init; } = new Dictionary<string, List<long>>();

    /// <summary>Where <see cref="ReceivedPerNodePerRound"/> goes: frame bytes a node received during a training round per message
    /// code, max and mean over nodes and rounds, and under <see cref="TlsAndFraming"/> the socket bytes beyond the frames.</summary>
    [JsonPropertyName("received_by_code_per_round")]
    public IReadOnlyDictionary<string, ScaleFigure> ReceivedByCodePerRound { get; init; } = new Dictionary<string, ScaleFigure>();

    /// <summary>The key of <see cref="ReceivedByCodePerRound"/> for socket bytes that are no frame's: TLS records and frame length prefixes.</summary>
    public const string TlsAndFraming = "TlsAndFraming";

    /// <summary><see cref="ReceivedByCodePerRound"/> of node-rounds, each the traffic of one node during one round.</summary>
    public static SortedDictionary<string, ScaleFigure> ByCode(IReadOnlyCollection<NodeTraffic> nodeRounds)
    {
        var frames = nodeRounds.Select(t => t.ReceivedByCode ?? new Dictionary<string, long>()).ToList();
        var codes = frames.SelectMany(f => f.Keys).Distinct();
        var byCode = new SortedDictionary<string, ScaleFigure>(codes.ToDictionary(c => c, c => ScaleFigure.Of([.. frames.Select(f => (double)f.GetValueOrDefault(c))])), StringComparer.Ordinal);
        if (nodeRounds.Count > 0) byCode[TlsAndFraming] = ScaleFigure.Of([.. nodeRounds.Select(t => (double)(t.BytesReceived - (t.ReceivedByCode?.Values.Sum() ?? 0)))]);
        return byCode;
    }
}

public sealed record ScaleFigure([property: JsonPropertyName("max")] double Max, [property: JsonPropertyName("mean")] double Mean)
{
    public static ScaleFigure Of(IReadOnlyCollection<double> values) => values.Count == 0 ? new(0, 0) : new(values.Max(), values.Average());
}
