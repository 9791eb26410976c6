using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Learning.Metrics;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Plans;
using FedChain.Node.Blobs;

namespace FedChain.Node.Agent;

/// <summary>
/// One plan as this node runs it, fixed when the plan loads: the plan, its hash and on-chain id, its
/// round pipeline, this node's site, and the node. The core loop and every feature read it instead of
/// passing these along; the helpers below are what they all need of the chain and the blob store.
/// </summary>
public sealed record PlanRun(NodeContext Node, BigInteger PlanId, TrainingPlan Plan, byte[] PlanHash, RoundPipeline Pipeline, LocalSite Site)
{
    public string Directory => Path.Combine(Node.Config.Resolve(Node.Config.StateDirectory), "plans", PlanId.ToString());

    /// <summary>How long a feature waits for blobs that replicate on their own: the commit window, at least 5 s.</summary>
    public TimeSpan BlobWait => TimeSpan.FromSeconds(Math.Max(5, Node.Chain.Read(s => s.Plans[PlanId].CommitWindow)));

    public RoundRecord? RoundOf(LedgerState s, int round)
    {
        var plan = s.Plans[PlanId];
        return plan.Rounds.Count > round ? plan.Rounds[round] : null;
    }

    /// <summary>Whether this node's commit of <paramref name="round"/> is on-chain.</summary>
    public bool Committed(int round) => Node.Chain.Read(s => RoundOf(s, round)?.Commitments.Any(c => IsMe(c.Member)) ?? false);

    public bool IsMe(string address) => string.Equals(address, Node.Me, StringComparison.OrdinalIgnoreCase);

    /// <summary>Time left before <paramref name="round"/>'s deadline on the chain's clock, halved: what a wait before the commit may take.</summary>
    public async Task<TimeSpan> HalfTimeLeftAsync(int round, CancellationToken ct)
    {
        var deadline = Node.Chain.Read(s => RoundOf(s, round)?.Deadline ?? 0);
        return TimeSpan.FromSeconds(Math.Max(0, (long)deadline - await Node.Chain.ChainNowAsync(ct)) / 2.0);
    }

    public void Report(string @event, int? round = null, string? phase = null, string? detail = null,
        MetricSet? metrics = null, string? modelHash = null, RoundTiming? timing = null) =>
        Node.Status.Report(Node.Line(@event) with
        {
            PlanId = PlanId.ToString(),
            Round = round,
            Phase = phase,
            Detail = detail,
            Metrics = metrics,
            ModelHash = modelHash,
            Timing = timing,
        });

    /// <summary>
    /// Waits for blobs that replicate on their own (utility reports, secure-aggregation messages): runs
    /// <paramref name="scan"/> over the store, and again after each newly stored blob, until
    /// <paramref name="done"/> holds (true) or <paramref name="wait"/> has passed (false).
    /// </summary>
    public async Task<bool> WaitOnStoredBlobsAsync(Func<CancellationToken, Task> scan, Func<bool> done, TimeSpan wait, CancellationToken ct)
    {
        var until = Node.Time.GetUtcNow() + wait;
        while (true)
        {
            var stored = NextStoredAsync();
            await scan(ct);
            if (done()) return true;
            var left = until - Node.Time.GetUtcNow();
            if (left <= TimeSpan.Zero) return false;
            await Task.WhenAny(stored, Task.Delay(left, Node.Time, ct));
            ct.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Reads every stored blob <paramref name="seen"/> does not know yet into <paramref name="add"/>.</summary>
    public async Task ScanStoreAsync(Func<string, bool> seen, Action<string, byte[]> add, CancellationToken ct)
    {
        foreach (var blob in Node.Network.Store.List().Where(b => !seen(b.Id.ToString())))
            add(blob.Id.ToString(), await Node.Network.ReadBlobAsync(blob.Id, ct));
    }

    private Task NextStoredAsync()
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStored(object? sender, BlobInfo blob)
        {
            stored.TrySetResult();
            Node.Network.Store.Stored -= OnStored;
        }

        Node.Network.Store.Stored += OnStored;
        return stored.Task;
    }
}
