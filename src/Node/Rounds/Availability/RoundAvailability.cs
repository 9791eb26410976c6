using FedChain.Contracts.Client;
using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Node.Agent;
using FedChain.Node.Blobs;

namespace FedChain.Node.Rounds.Availability;

/// <summary>
/// Data availability instead of stalls (docs/node.md, "Data availability"): how a node collects a closed
/// round's blobs. The round's set is the chain's: its commitments less the blobs the chain voted out.
/// The node fetches every blob of that set; what it still lacks when the plan's availability window after
/// the round's close has passed it names in one exclusion ballot (<c>voteExclusion</c>); once a quorum of
/// ballots names a blob the chain excludes it (<c>BlobExcluded</c>) and every honest node aggregates the
/// same set without it. A blob the chain has not excluded is waited for, however long. A blob this node
/// balloted that then arrives counts only once the chain can no longer exclude it (the round's aggregate
/// finalised, or the next round closed and with it the ballot window), so the chain's decision, not the
/// arrival time, says what is aggregated.
/// </summary>
/// <remarks>
/// The ballot could ride on this member's next commit (the ledger's <c>missing</c> word), but that commit
/// trains on the round's aggregate, which needs the decision first: the node would have to guess the
/// set. It sends the ballot on its own instead, only in a round where a blob is missing.
/// </remarks>
public sealed class RoundAvailability(PlanRun run, IReadOnlyList<PlanFeature> features)
{
    private readonly Dictionary<int, IReadOnlyList<string>> _aggregated = [];

    private PlanRun Run => run;

    private IReadOnlyList<PlanFeature> Features => features;

    private NodeContext Node => run.Node;

    /// <summary>Waits until the chain's set of <paramref name="round"/> is held (or voted out), casting this node's ballot at the deadline.</summary>
    /// <exception cref="LateExclusionException">An earlier round lost a blob this node aggregated.</exception>
    public async Task<RoundSet> CollectAsync(int round, CancellationToken ct)
    {
        ThrowOnLateExclusion();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var collection = new Collection(this, round, cancel.Token);
        try
        {
            var set = await collection.RunAsync();
            _aggregated[round] = [.. set.Accepted.Select(a => a.Member.ToLowerHex())];
            return set;
        }
        finally
        {
            // Fetches of blobs voted out stop waiting for a holder that will never come.
            await cancel.CancelAsync();
        }
    }

    private void ThrowOnLateExclusion()
    {
        foreach (var (round, members) in _aggregated)
        {
            var late = Node.Chain.Read(s => run.RoundOf(s, round)?.Excluded.FirstOrDefault(members.Contains));
            if (late is not null) throw new LateExclusionException(round, late);
        }
    }

    /// <summary>One round's collection: the fetches, the checks, the ballot.</summary>
    private sealed class Collection(RoundAvailability owner, int round, CancellationToken ct)
    {
        private readonly Dictionary<string, Task<byte[]>> _fetches = new(StringComparer.Ordinal);
        private readonly Dictionary<string, AcceptedBlob?> _checked = new(StringComparer.Ordinal);
        private readonly HashSet<string> _balloted = new(StringComparer.Ordinal);
        private bool _ballotDone;
        private long? _deadline;
        private DateTimeOffset _warnAt;

        private PlanRun Run => owner.Run;

        private NodeContext Node => owner.Node;

        public async Task<RoundSet> RunAsync()
        {
            _warnAt = Node.Time.GetUtcNow() + TimeSpan.FromSeconds(Node.Config.BlobWaitWarningSeconds);
            while (true)
            {
                var changed = Node.Chain.NextChangeAsync(TimeSpan.FromSeconds(1), ct);
                var stored = Run.NextStoredAsync();
                var (commitments, excluded, settled) = Node.Chain.Read(s => (Run.RoundOf(s, round)!.Commitments.ToList(), Run.RoundOf(s, round)!.Excluded.ToHashSet(StringComparer.Ordinal), Settled(s)));
                var live = commitments.Where(c => !excluded.Contains(Key(c.Member))).ToList();
                foreach (var c in live) _fetches.TryAdd(Key(c.Member), FetchAsync(BlobId.FromBytes(c.BlobHash)));

                var missing = new List<string>();
                foreach (var c in live)
                {
                    if (!await HeldAsync(c)) missing.Add(Key(c.Member));
                }

                var undecided = _balloted.Where(m => !excluded.Contains(m) && !settled).ToList();
                if (missing.Count == 0 && undecided.Count == 0) return Result(live, commitments.Count, excluded);

                if (!_ballotDone && missing.Count > 0) await BallotIfDueAsync(missing);
                WarnIfLong(missing.Count > 0 ? missing : undecided);
                await Task.WhenAny([changed, stored, .. _fetches.Values.Where(f => !f.IsCompleted)]);
                ct.ThrowIfCancellationRequested();
            }
        }

        /// <summary>Whether the member's blob is here and, if it passes the checks, everything it relies on too.</summary>
        private async Task<bool> HeldAsync(LedgerEvents.Committed commitment)
        {
            var member = Key(commitment.Member);
            var fetch = _fetches[member];
            if (fetch.IsFaulted) await fetch; // a fetch that cannot succeed (the store's quota) fails the plan, naming why
            if (!fetch.IsCompletedSuccessfully) return false;
            if (!_checked.TryGetValue(member, out var accepted))
            {
                accepted = CommitmentCheck.Check(Run.Plan, Run.PlanHash, commitment, fetch.Result, out var problem, Node.Chain.Read(s => s.Plans[Run.PlanId].Participants.Count));
                if (accepted is null) Log.BlobExcluded(Node.Logger, Run.PlanId, round, member, problem!);
                _checked[member] = accepted;
            }

            if (accepted is null) return true; // held and refused by the same check on every node: no ballot needed
            foreach (var feature in owner.Features)
            {
                if (!await feature.HoldsAsync(round, accepted, ct)) return false;
            }

            return true;
        }

        private RoundSet Result(IReadOnlyList<LedgerEvents.Committed> live, int committed, IReadOnlySet<string> excluded)
        {
            var accepted = live.Select(c => _checked[Key(c.Member)]).OfType<AcceptedBlob>().ToList();
            foreach (var member in excluded) Log.BlobVotedOut(Node.Logger, Run.PlanId, round, member);
            return new RoundSet(accepted, committed - accepted.Count, [.. excluded.Order(StringComparer.Ordinal)]);
        }

        /// <summary>From the availability deadline on, names every blob still missing (never this node's own) in one ballot.</summary>
        private async Task BallotIfDueAsync(IReadOnlyList<string> missing)
        {
            _deadline ??= await DeadlineAsync();
            if (_deadline is not { } deadline || await Node.Chain.ChainNowAsync(ct) < deadline) return;
            var others = missing.Where(m => !Run.IsMe(m)).ToList();
            if (others.Count == 0) return;
            try
            {
                await Node.Consortium.Ledger.VoteExclusionAsync(Run.PlanId, (uint)round, others, ct);
                Log.ExclusionBallotCast(Node.Logger, Run.PlanId, round, string.Join(", ", others));
                Run.Report("phase", round, phase: "voting out missing blobs", detail: string.Join(", ", others));
                _balloted.UnionWith(others);
                _ballotDone = true;
            }
            catch (ContractRevertException e) when (e.ErrorName == "ExclusionTooEarly")
            {
                // Our estimate of the chain's clock ran ahead of its blocks: try again on the next wake.
            }
            catch (ContractRevertException e)
            {
                // Out of the ballot window (the next round closed), or already cast before a restart: the chain decides without it.
                Log.CommitRefused(Node.Logger, Run.PlanId, round, e.Message);
                _ballotDone = true;
            }
        }

        /// <summary>The round's close (when the next round opened; for the last round, when the plan completed) plus the availability window.</summary>
        private async Task<long?> DeadlineAsync()
        {
            var (next, window, last) = Node.Chain.Read(s => (Run.RoundOf(s, round + 1)?.OpenedAt ?? 0, s.Plans[Run.PlanId].Limits?.AvailabilityWindow ?? 0, round + 1 == s.Plans[Run.PlanId].TotalRounds));
            if (next > 0) return (long)next + window;
            if (!last) return null;
            var state = await Node.Consortium.Ledger.PlanStateAsync(Run.PlanId, ct);
            return state.Status == (byte)PlanStatus.Completed ? (long)state.RoundOpenedAt + window : null;
        }

        /// <summary>Whether the chain can still exclude a blob of the round: its ballot window is over once the next round closed, and a finalised aggregate settles it too.</summary>
        private bool Settled(LedgerState s) =>
            Run.RoundOf(s, round)!.FinalAggregate is not null || (Run.RoundOf(s, round + 1)?.Closed ?? false);

        private async Task<byte[]> FetchAsync(BlobId id)
        {
            await Node.Network.FetchBlobAsync(id, ct);
            return await Node.Network.ReadBlobAsync(id, ct);
        }

        private void WarnIfLong(IEnumerable<string> waitingFor)
        {
            if (Node.Time.GetUtcNow() < _warnAt) return;
            Log.BlobStillMissing(Node.Logger, Run.PlanId, round, string.Join(", ", waitingFor));
            _warnAt = Node.Time.GetUtcNow() + TimeSpan.FromSeconds(Node.Config.BlobWaitWarningSeconds);
        }

        private static string Key(string address) => address.ToLowerInvariant();
    }
}
