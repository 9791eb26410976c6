using System.Numerics;
using FedChain.Contracts.Client;
using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Node.Blobs;

namespace FedChain.Node.Agent;

/// <summary>
/// What every plan runner does with the chain and the blob store, whatever the plan runs (training:
/// <see cref="PlanRunner"/>; an analysis: <c>AnalysisRunner</c>): opt in, wait for a round to open
/// and close (asking the chain to close it past its deadline), fetch a committed blob, and wait for
/// blobs that replicate on their own.
/// </summary>
public sealed record PlanChain(NodeContext Node, BigInteger PlanId)
{
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

    public void Report(string @event, int? round = null, string? phase = null, string? detail = null) =>
        Node.Status.Report(Node.Line(@event) with { PlanId = PlanId.ToString(), Round = round, Phase = phase, Detail = detail });

    /// <summary>Opts in while enrolling, then waits for the plan to run. False when this node is not in it.</summary>
    public async Task<bool> EnrolAsync(CancellationToken ct)
    {
        var (status, joined) = Node.Chain.Read(s => (s.Plans[PlanId].Status, s.Plans[PlanId].Participants.Contains(Node.Me)));
        if (status == PlanStatus.Enrolling && !joined)
        {
            Report("phase", phase: "opting in");
            try
            {
                await Node.Consortium.Ledger.OptInAsync(PlanId, ct);
            }
            catch (ContractRevertException e)
            {
                Log.PlanRefused(Node.Logger, PlanId, e.Message);
                return false;
            }
        }

        var plan = await Node.Chain.WaitAsync(s => s.Plans[PlanId].Status != PlanStatus.Enrolling ? s.Plans[PlanId] : null, ct);
        return Node.Chain.Read(_ => plan.Status is PlanStatus.Running or PlanStatus.Completed && plan.Participants.Contains(Node.Me));
    }

    /// <summary>Waits for <paramref name="round"/> to open (or to have opened).</summary>
    public Task<RoundRecord> WaitOpenedAsync(int round, CancellationToken ct) =>
        Node.Chain.WaitAsync(s => RoundOf(s, round) is { OpenedAt: > 0 } r ? r : null, ct);

    /// <summary>Waits for the chain to close the round; past its deadline, asks the chain to close it.</summary>
    public async Task WaitClosedAsync(int round, CancellationToken ct)
    {
        Report("phase", round, phase: "waiting for commits");
        while (!Node.Chain.Read(s => RoundOf(s, round)?.Closed ?? false))
        {
            var deadline = Node.Chain.Read(s => RoundOf(s, round)?.Deadline ?? ulong.MaxValue);
            if (deadline != ulong.MaxValue && await Node.Chain.ChainNowAsync(ct) > (long)deadline)
            {
                try
                {
                    await Node.Consortium.Ledger.AdvanceAsync(PlanId, ct);
                    Log.AdvancedPastDeadline(Node.Logger, PlanId, round);
                }
                catch (ContractRevertException)
                {
                    // Another member advanced first, or the chain's clock is not there yet.
                }
            }

            await Node.Chain.NextChangeAsync(TimeSpan.FromSeconds(1), ct);
        }
    }

    /// <summary>A committed blob of <paramref name="round"/>, waiting for it as long as it takes (saying so now and then).</summary>
    public async Task<byte[]> FetchAsync(BlobId id, int round, CancellationToken ct)
    {
        var fetch = Node.Network.FetchBlobAsync(id, ct);
        var warning = TimeSpan.FromSeconds(Node.Config.BlobWaitWarningSeconds);
        while (await Task.WhenAny(fetch, Task.Delay(warning, Node.Time, ct)) != fetch) Log.BlobStillMissing(Node.Logger, PlanId, round, id.ToString());
        await fetch;
        return await Node.Network.ReadBlobAsync(id, ct);
    }

    /// <summary>
    /// Waits for blobs that replicate on their own (utility reports, secure-aggregation messages): runs
    /// <paramref name="scan"/> over the store, and again after each newly stored blob or chain change (a pin
    /// that names a blob may land after the blob), until <paramref name="done"/> holds (true) or
    /// <paramref name="wait"/> has passed (false).
    /// </summary>
    public async Task<bool> WaitOnStoredBlobsAsync(Func<CancellationToken, Task> scan, Func<bool> done, TimeSpan wait, CancellationToken ct)
    {
        var until = Node.Time.GetUtcNow() + wait;
        while (true)
        {
            var stored = NextStoredAsync();
            var changed = Node.Chain.NextChangeAsync(wait, ct);
            await scan(ct);
            if (done()) return true;
            var left = until - Node.Time.GetUtcNow();
            if (left <= TimeSpan.Zero) return false;
            await Task.WhenAny(stored, changed, Task.Delay(left, Node.Time, ct));
            ct.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Reads every stored blob <paramref name="seen"/> does not know yet into <paramref name="add"/>.</summary>
    public async Task ScanStoreAsync(Func<string, bool> seen, Action<string, byte[]> add, CancellationToken ct)
    {
        foreach (var blob in Node.Network.Store.List().Where(b => !seen(b.Id.ToString())))
            add(blob.Id.ToString(), await Node.Network.ReadBlobAsync(blob.Id, ct));
    }

    /// <summary>Completes when the store next takes in a blob.</summary>
    public Task NextStoredAsync()
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
