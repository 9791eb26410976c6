using FedChain.Node.Network;

namespace FedChain.Node.Tests.Architecture;

public class LayerTests
{
    private static readonly string NodeAssembly = typeof(NetworkNode).Assembly.Location;

    private static readonly IReadOnlyList<(string From, string To, string FromType, string ToType)> Edges =
    [
        .. TypeReferences.Of(NodeAssembly)
            .Select(e => (From: e.From.Namespace, To: e.To.Namespace, FromType: e.From.FullName, ToType: e.To.FullName))
            .Where(e => e.From != e.To)
            .Distinct(),
    ];

    [Fact]
    public void TypeReferences_SeeCallsInsideMethodBodies()
    {
        // The reader must see what only an IL body shows (a constructor call), or the rules below prove nothing.
        Assert.Contains(Edges, e => e.FromType == "FedChain.Node.Network.NetworkNode" && e.ToType == "FedChain.Node.Transport.TlsTransport");
        Assert.Contains(Edges, e => e.From == "FedChain.Node.Cli" && e.To == "FedChain.Node.Agent");
    }

    [Fact]
    public void EveryFolder_HasALayer()
    {
        var folders = Edges.SelectMany(e => new[] { e.From, e.To }).Select(NodeLayers.FolderOf).OfType<string>()
            .Where(f => !f.StartsWith('<')).Distinct();
        Assert.DoesNotContain(folders, f => NodeLayers.RankOf(f) < 0);
    }

    [Fact]
    public void NoLayer_ReferencesAHigherOne()
    {
        var violations = UpwardReferences(Edges);
        Assert.True(violations.Count == 0, "layer violations:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void UpwardReferences_NameAReferenceUpOrSideways()
    {
        var sut = UpwardReferences(
        [
            ("FedChain.Node.Transport", "FedChain.Node.Network", "FedChain.Node.Transport.TlsTransport", "FedChain.Node.Network.NetworkMetrics"),
            ("FedChain.Node.Blobs", "FedChain.Node.Gossip", "FedChain.Node.Blobs.BlobExchange", "FedChain.Node.Gossip.GossipOptions"),
            ("FedChain.Node.Network", "FedChain.Node.Transport", "FedChain.Node.Network.NetworkNode", "FedChain.Node.Transport.TlsTransport"),
            ("FedChain.Node.Agent", "FedChain.Node.Rounds", "FedChain.Node.Agent.PlanRunner", "FedChain.Node.Rounds.RoundState"),
        ]);
        Assert.Equal(
        [
            "FedChain.Node.Transport.TlsTransport (Transport) uses FedChain.Node.Network.NetworkMetrics (Network)",
            "FedChain.Node.Blobs.BlobExchange (Blobs) uses FedChain.Node.Gossip.GossipOptions (Gossip)",
        ], sut);
    }

    private static List<string> UpwardReferences(IEnumerable<(string From, string To, string FromType, string ToType)> edges) =>
    [
        .. edges
            .Select(e => (e.FromType, e.ToType, From: NodeLayers.FolderOf(e.From), To: NodeLayers.FolderOf(e.To)))
            .Where(e => e.From is not null && e.To is not null && e.From != e.To)
            .Where(e =>
            {
                int from = NodeLayers.RankOf(e.From!), to = NodeLayers.RankOf(e.To!);
                return to > from || (to == from && !NodeLayers.All[from].Cohesive);
            })
            .Select(e => $"{e.FromType} ({e.From}) uses {e.ToType} ({e.To})"),
    ];

    [Fact]
    public void PeerToPeerStack_UsesNothingOfLearningOrContracts()
    {
        var violations = Edges
            .Where(e => NodeLayers.FolderOf(e.From) is { } f && NodeLayers.PeerToPeer.Contains(f))
            .Where(e => e.To.StartsWith("FedChain.Learning", StringComparison.Ordinal) || e.To.StartsWith("FedChain.Contracts", StringComparison.Ordinal))
            .Select(e => $"{e.FromType} uses {e.ToType}")
            .ToList();
        Assert.True(violations.Count == 0, "the p2p stack reaches into Learning or Contracts:\n" + string.Join('\n', violations));
    }
}
