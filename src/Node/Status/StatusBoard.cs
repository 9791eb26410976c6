using FedChain.Contracts.Ledger;
using FedChain.Node.Agent;
using FedChain.Node.Consent;

namespace FedChain.Node.Status;

/// <summary>
/// Gathers what the status page shows: the node's own status lines (round, phase, errors, fed by
/// <see cref="StatusReporter"/>), the chain follower's state, the network's peers and scores, and the blob store.
/// </summary>
public sealed class StatusBoard
{
    private const int ErrorsKept = 20;
    private const int CommitsShown = 10;
    private readonly NodeContext _node;
    private readonly Dictionary<string, NodeStatus> _plans = [];
    private readonly LinkedList<ErrorLine> _errors = new();
    private readonly Lock _lock = new();

    public StatusBoard(NodeContext node)
    {
        _node = node;
        node.Status.Reported += OnStatus;
    }

    /// <summary>The consent gate whose decisions the page shows (set once the agent runs).</summary>
    public ConsentGate? Consent { get; set; }

    private void OnStatus(NodeStatus status)
    {
        lock (_lock)
        {
            if (status.PlanId is { } plan && status.Event is "plan" or "phase" or "round" or "done" or "consent")
            {
                var last = _plans.GetValueOrDefault(plan);
                _plans[plan] = status with { Round = status.Round ?? last?.Round, ModelHash = status.ModelHash ?? last?.ModelHash };
            }

            if (status.Event == "error")
            {
                _errors.AddFirst(new ErrorLine(_node.NowMs(), status.PlanId, status.Detail ?? "error"));
                while (_errors.Count > ErrorsKept) _errors.RemoveLast();
            }
        }
    }

    public StatusSnapshot Snapshot()
    {
        var network = _node.Network;
        var me = _node.Me;
        var scores = network.Scores.Snapshot();
        var connected = network.ConnectedPeers.ToHashSet();
        var (members, plans, commits) = _node.Chain.Read(s =>
        {
            var names = s.Members.ToDictionary(m => m.Key, m => m.Value.Name);
            var planLines = s.Plans.Values
                .Where(p => p.Invited.Contains(me) || p.Participants.Contains(me) || _plans.ContainsKey(p.PlanId.ToString()))
                .Select(p => Line(p.PlanId.ToString(), Convert.ToHexStringLower(p.PlanHash), p.Status, (int)p.TotalRounds,
                    FixedPoint.FromMicro((long)p.EpsilonSpent.GetValueOrDefault(me)), FixedPoint.FromMicro((long)(p.Terms?.EpsilonBudget ?? 0))))
                .ToList();
            var mine = s.Plans.Values
                .SelectMany(p => p.Rounds.SelectMany(r => r.Commitments.Where(c => string.Equals(c.Member, me, StringComparison.OrdinalIgnoreCase))
                    .Select(c => new CommitLine(p.PlanId.ToString(), r.Round, Convert.ToHexStringLower(c.BlobHash), c.SampleCount, r.OpenedAt))))
                .OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Round).Take(CommitsShown).ToList();
            return (names, planLines, mine);
        });
        var peers = members.Where(m => m.Key != me)
            .Select(m => (Address: Identity.NodeAddress.Parse(m.Key), Name: m.Value))
            .Select(m => new PeerStatus(m.Address.ToString(), m.Name, connected.Contains(m.Address), scores.GetValueOrDefault(m.Address), network.Scores.IsBanned(m.Address)))
            .ToList();
        var blobs = network.Store.List();
        var height = _node.Chain.LatestBlock;
        var applied = _node.Chain.ReadThrough;
        lock (_lock)
        {
            return new StatusSnapshot(_node.Key.Address.ToString(), _node.Config.Site, network.ListenEndPoint?.ToString(), _node.NowMs(),
                new ChainStatus(_node.Consortium.Chain.RpcUrl.ToString(), _node.Consortium.Chain.ChainId, height, applied, height > applied ? height - applied : 0, _node.Config.Confirmations),
                plans, peers, commits, new BlobStoreStatus(blobs.Count, blobs.Sum(b => b.Size)), [.. _errors]);
        }
    }

    private PlanStatusLine Line(string planId, string planHash, PlanStatus status, int chainRounds, double spent, double budget)
    {
        lock (_lock)
        {
            var last = _plans.GetValueOrDefault(planId);
            var consent = Consent?.Decisions.GetValueOrDefault(System.Numerics.BigInteger.Parse(planId, System.Globalization.CultureInfo.InvariantCulture));
            var phase = last?.Event switch
            {
                "round" => "aggregated",
                "done" => "done",
                "consent" => last.Phase,
                _ => last?.Phase ?? last?.Event,
            };
            return new PlanStatusLine(planId, planHash, status.ToString().ToLowerInvariant(), last?.Round, chainRounds, phase, consent?.Status, consent?.Reason, spent, budget, last?.ModelHash);
        }
    }
}
