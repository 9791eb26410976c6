using Prometheus;

namespace FedChain.Node.Status;

/// <summary>
/// The node's Prometheus metrics (prometheus-net), in a registry of its own: gauges set from a
/// <see cref="StatusSnapshot"/> just before each scrape, so /metrics and the status page agree.
/// </summary>
public sealed class NodeMetrics
{
    private readonly Gauge _height;
    private readonly Gauge _lag;
    private readonly Gauge _round;
    private readonly Gauge _epsilon;
    private readonly Gauge _peers;
    private readonly Gauge _peerScore;
    private readonly Gauge _blobs;
    private readonly Gauge _blobBytes;
    private readonly Gauge _errors;
    private readonly Gauge _commits;

    public NodeMetrics(Func<StatusSnapshot> snapshot)
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _height = factory.CreateGauge("fedchain_chain_height", "The chain's latest block.");
        _lag = factory.CreateGauge("fedchain_chain_lag_blocks", "Blocks between the chain's head and the last block whose events the node applied.");
        _round = factory.CreateGauge("fedchain_plan_round", "The last round the node aggregated, per plan.", "plan");
        _epsilon = factory.CreateGauge("fedchain_privacy_epsilon_spent", "This member's cumulative epsilon on-chain, per plan.", "plan");
        _peers = factory.CreateGauge("fedchain_peers_connected", "Members connected over TLS.");
        _peerScore = factory.CreateGauge("fedchain_peer_score", "Peer-penalty score per member (0 clean, negative penalised).", "peer", "name");
        _blobs = factory.CreateGauge("fedchain_blob_store_blobs", "Blobs in the node's store.");
        _blobBytes = factory.CreateGauge("fedchain_blob_store_bytes", "Bytes of blobs in the node's store.");
        _errors = factory.CreateGauge("fedchain_recent_errors", "Errors among the last reported (at most 20 kept).");
        _commits = factory.CreateGauge("fedchain_commits", "Commits this member has on-chain, as far as shown (at most 10).");
        Registry.AddBeforeCollectCallback(() => Update(snapshot()));
    }

    public CollectorRegistry Registry { get; }

    private void Update(StatusSnapshot s)
    {
        _height.Set(s.Chain.Height);
        _lag.Set(s.Chain.Lag);
        foreach (var plan in s.Plans)
        {
            _round.WithLabels(plan.PlanId).Set(plan.Round ?? -1);
            _epsilon.WithLabels(plan.PlanId).Set(plan.EpsilonSpent);
        }

        _peers.Set(s.Peers.Count(p => p.Connected));
        foreach (var peer in s.Peers) _peerScore.WithLabels(peer.Address, peer.Name ?? "").Set(peer.Score);
        _blobs.Set(s.BlobStore.Blobs);
        _blobBytes.Set(s.BlobStore.Bytes);
        _errors.Set(s.RecentErrors.Count);
        _commits.Set(s.LastCommits.Count);
    }
}
