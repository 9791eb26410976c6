namespace FedChain.Node.Tests.Architecture;

/// <summary>
/// The layers of the Node project, lowest first, by folder (the namespace segment after FedChain.Node).
/// A folder may use its own layer's code only when the layer says so; the p2p stack's folders are
/// separate pieces (blobs and gossip know nothing of each other), the node agent's folders are features
/// of one agent that call each other.
/// </summary>
internal static class NodeLayers
{
    public static readonly IReadOnlyList<Layer> All =
    [
        new("identity", ["Identity"], Cohesive: false),
        new("membership and penalties", ["Membership", "PeerPenalties"], Cohesive: false),
        new("transport", ["Transport"], Cohesive: false),
        new("wire", ["Wire"], Cohesive: false),
        new("blobs, gossip, discovery", ["Blobs", "Gossip", "Discovery"], Cohesive: false),
        new("network", ["Network"], Cohesive: false),
        new("sharded aggregation", ["ShardedAggregation"], Cohesive: false),
        new("node agent", ["Agent", "Analyses", "Audit", "Bench", "ChainView", "Consent", "Contributions", "Datasets", "Governance", "Models", "Personalisation", "Plans", "Privacy", "Reports", "Rounds", "SecureRounds", "ShardedRounds", "Status"], Cohesive: true),
        new("demo", ["Demo"], Cohesive: false),
        new("cli", ["Cli"], Cohesive: false),
    ];

    /// <summary>The folders of the peer-to-peer stack: they use nothing of Learning or Contracts.</summary>
    public static readonly IReadOnlySet<string> PeerToPeer = new HashSet<string>(
        ["Identity", "Membership", "PeerPenalties", "Transport", "Wire", "Blobs", "Gossip", "Discovery", "Network"]);

    /// <summary>The folder of a FedChain.Node namespace ("FedChain.Node.Wire.V1" is "Wire"); null for the root
    /// namespace, which holds the host and the shared partial Log class every layer logs through.</summary>
    public static string? FolderOf(string ns)
    {
        const string root = "FedChain.Node.";
        if (!ns.StartsWith(root, StringComparison.Ordinal)) return null;
        var rest = ns[root.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    public static int RankOf(string folder)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Folders.Contains(folder)) return i;
        }

        return -1;
    }

    public sealed record Layer(string Name, IReadOnlyList<string> Folders, bool Cohesive);
}
