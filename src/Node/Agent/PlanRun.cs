using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Learning.Metrics;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Plans;

namespace FedChain.Node.Agent;

/// <summary>
/// One plan as this node runs it, fixed when the plan loads: the plan, its hash and on-chain id, its
/// round pipeline, this node's site, and the node. The core loop and every feature read it instead of
/// passing these along; the helpers below are what they all need of the chain and the blob store.
/// </summary>
public sealed record PlanRun(NodeContext Node, BigInteger PlanId, TrainingPlan Plan, byte[] PlanHash, RoundPipeline Pipeline, LocalSite Site)
{
    public string Directory => Path.Combine(Node.Config.Resolve(Node.Config.StateDirectory), "plans", PlanId.ToString());

    /// <summary>The chain-side steps and blob waits every plan runner shares.</summary>
    public PlanChain Chain { get; } = new(Node, PlanId);

    /// <summary>How long a feature waits for blobs that replicate on their own: the commit window, at least 5 s.</summary>
    public TimeSpan BlobWait => Chain.BlobWait;

    public RoundRecord? RoundOf(LedgerState s, int round) => Chain.RoundOf(s, round);

    /// <summary>Whether this node's commit of <paramref name="round"/> is on-chain.</summary>
    public bool Committed(int round) => Chain.Committed(round);

    public bool IsMe(string address) => Chain.IsMe(address);

    /// <summary>Time left before <paramref name="round"/>'s deadline on the chain's clock, halved: what a wait before the commit may take.</summary>
    public Task<TimeSpan> HalfTimeLeftAsync(int round, CancellationToken ct) => Chain.HalfTimeLeftAsync(round, ct);

    public void Report(string @event, int? round = null, string? phase = null, string? detail = null,
        MetricSet? metrics = null, string? modelHash = null, RoundTiming? timing = null, NodeTraffic? traffic = null) =>
        Node.Status.Report(Node.Line(@event) with
        {
            PlanId = PlanId.ToString(),
            Round = round,
            Phase = phase,
            Detail = detail,
            Metrics = metrics,
            ModelHash = modelHash,
            Timing = timing,
            Traffic = traffic,
        });

    /// <summary>The node's connections and socket bytes so far, and its received frame bytes per message code.</summary>
    public NodeTraffic Traffic() =>
        new(Node.Network.ConnectedPeers.Count, Node.Network.Metrics.Transport.BytesIn, Node.Network.Metrics.Transport.BytesOut,
            Node.Network.Metrics.Snapshot().FrameBytesIn.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value));

    /// <summary>Waits for blobs that replicate on their own (<see cref="PlanChain.WaitOnStoredBlobsAsync"/>).</summary>
    public Task<bool> WaitOnStoredBlobsAsync(Func<CancellationToken, Task> scan, Func<bool> done, TimeSpan wait, CancellationToken ct) =>
        Chain.WaitOnStoredBlobsAsync(scan, done, wait, ct);

    /// <summary>Reads every stored blob <paramref name="seen"/> does not know yet into <paramref name="add"/>.</summary>
    public Task ScanStoreAsync(Func<string, bool> seen, Action<string, byte[]> add, CancellationToken ct) => Chain.ScanStoreAsync(seen, add, ct);

    /// <summary>Completes when the store next takes in a blob.</summary>
    public Task NextStoredAsync() => Chain.NextStoredAsync();
}
