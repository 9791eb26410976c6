using System.Diagnostics;
using FedChain.Contracts.Client;
using FedChain.Learning.Quantisation;
using FedChain.Node.Agent;
using FedChain.Node.Blobs;
using FedChain.Node.Identity;
using FedChain.Node.Rounds;
using FedChain.Node.Rounds.Availability;
using FedChain.Node.ShardedAggregation;

namespace FedChain.Node.ShardedRounds;

/// <summary>
/// Sharded aggregation in the node (docs/network.md, "Sharded aggregation"): at publish, the member's committed
/// words (masked under secure aggregation) go out as one shard blob per plan participant and the committed blob
/// lists them; at collection, the chain's accepted commits are the participants and each member sums the shards
/// it aggregates, checks every shard sum and ends on the same bits as full replication. A member caught lying is
/// named on the ledger (<c>reportAggregatorFinding</c>) and kept in <see cref="Findings"/>; its shard is redone, so the round completes.
/// </summary>
public sealed class ShardedCollectionFeature : PlanFeature
{
    private readonly List<(int Round, AggregatorFinding Finding)> _findings = [];
    private readonly Dictionary<(int Round, BlobId Shard), (NodeAddress Member, Task Pull, CancellationTokenSource Stop)> _pulls = [];
    private readonly Dictionary<BlobId, bool> _formed = [];

    public ShardedCollectionFeature(PlanRun run) : base(run)
    {
        var config = run.Node.Config;
        if (config.CrashMidAggregationRound is null && config.LieAsAggregatorRound is null) return;
        // Tests' fault injection: a dropout after summing a shard and before claiming it, or a wrong sum claimed.
        run.Node.ShardedAggregation.Tamper = (session, _, sum) =>
        {
            if (config.CrashMidAggregationRound is { } crash && ShardedCommit.IsAggregationOf(session, run.PlanId, crash)) Process.GetCurrentProcess().Kill();
            if (config.LieAsAggregatorRound is { } lie && ShardedCommit.IsAggregationOf(session, run.PlanId, lie)) sum.Sum[0] += 1;
            return sum;
        };
    }

    /// <summary>The members named lying, by round.</summary>
    public IReadOnlyList<(int Round, AggregatorFinding Finding)> Findings
    {
        get
        {
            lock (_findings) return [.. _findings];
        }
    }

    private NodeContext Node => Run.Node;

    /// <summary>One shard per plan participant: the plan is running, so the set is fixed and the same on every node.</summary>
    private int Shards => Node.Chain.Read(s => s.Plans[Run.PlanId].Participants.Count);

    /// <summary>Whether shards go only to the members that pull them (a full mesh), or hop by hop to everyone (a bounded one).</summary>
    private bool Withhold => Node.ShardedAggregation.Options.WithholdShards;

    public override Task<byte[]> PublishBodyAsync(int round, uint[] values, byte[] body, CancellationToken ct) =>
        ShardedCommit.PublishAsync(Node.Network, values, Shards, Withhold, ct, Misbehaving(round));

    /// <summary>Tests' misbehaviour and fault injection: what this node publishes of each shard instead of the shard (null: nothing).</summary>
    private Func<int, byte[], byte[]?>? Misbehaving(int round)
    {
        var config = Node.Config;
        if (config.Misbehaviour?.WithholdShardsRound == round) return (_, _) => null;
        if (config.Misbehaviour?.MalformedShardsRound == round) return (_, shard) => shard[..^4];
        if (config.CrashAfterCommittingRound != round && config.CrashAfterAvailabilityRound != round) return null;
        // Dying after committing: only the shards the keeper of shard 0 keeps (as every participant committing sees it), the other
        // keepers get nothing. Dying after the availability point: every keeper but that one gets its shards.
        var order = Node.Chain.Read(s => s.Plans[Run.PlanId].Participants.Select(NodeAddress.Parse).Order().ToList());
        var me = Node.Key.Address;
        var first = ShardedCommit.Keeper(me, order, 0, _ => true);
        var toFirst = config.CrashAfterCommittingRound == round;
        return (s, shard) => (ShardedCommit.Keeper(me, order, s, _ => true) == first) == toFirst ? shard : null;
    }

    /// <summary>Fault injection: this node dies once the round it committed has closed (collection started), as a dying member would.</summary>
    private bool CrashesAt(int round) => Node.Config.CrashAfterCommittingRound == round;

    /// <summary>
    /// Data availability on shards (docs/network.md, "Who holds what"). Announced shards (a bounded mesh, or pointToPointShards
    /// off): a member's commit counts as held once this node holds all of its shards. Point-to-point shards (no node holds every
    /// update): once each of the member's shards is held, of the size the layout gives, by a node other than the member (its
    /// keeper: this node, pulling it from the member, or another by its word, <see cref="ShardHoldings"/>), so the aggregation can
    /// get every part even if the member dies. Every node, in the aggregation or not, ballots at the deadline a member lacking
    /// that: a member that dies before its keepers pulled its parts, withholds one or serves a malformed one is voted out by the
    /// quorum, and every node aggregates the same set. A keeper gone (disconnected) passes its part to the next candidate, as the
    /// aggregation passes a shard on, so a dead keeper does not cost the others their commits. Once the chain can no longer
    /// exclude the member, nothing more is needed.
    /// </summary>
    public override async Task<bool> HoldsAsync(int round, AcceptedBlob blob, CancellationToken ct)
    {
        if (blob.Envelope.Kind is not (EnvelopeKind.Update or EnvelopeKind.MaskedUpdate)) return true;
        var committed = ShardedCommit.Of(blob);
        var count = committed.Shards.Count;
        var (committers, live, settled) = Node.Chain.Read(s =>
        {
            var record = Run.RoundOf(s, round)!;
            var closedNext = Run.RoundOf(s, round + 1)?.Closed ?? false;
            var committers = record.Commitments.Select(c => NodeAddress.Parse(c.Member)).Distinct().Order().ToList();
            return (committers, record.Members.Select(NodeAddress.Parse).Order().ToList(), record.FinalAggregate is not null || closedNext);
        });
        if (CrashesAt(round)) Process.GetCurrentProcess().Kill();
        // Announced shards replicate to every node, so each needs them all.
        if (!Withhold) return (await HeldAsync(round, committed, [.. Enumerable.Range(0, count)], live, ct)).Count == count;

        // Keep what this node keeps as the round's committers see it and, once some are voted out, as its members do.
        var me = Node.Key.Address;
        bool Up(NodeAddress peer) => peer == me || Node.Network.IsConnected(peer);
        var wanted = Enumerable.Range(0, count).Where(s => ShardedCommit.Keeper(committed.Member, committers, s, Up) == me || ShardedCommit.Keeper(committed.Member, live, s, Up) == me).ToList();
        // Tests' misbehaviour: a keeper that says it holds every part it keeps, pulling none.
        var held = Node.Config.Misbehaviour?.FalseHoldingsRound == round ? wanted : await HeldAsync(round, committed, wanted, live, ct);
        var session = ShardedCommit.Session(Run.PlanId, round);
        if (committed.Member != me) Node.ShardHoldings.Tell(session, held.Select(s => committed.Shards[s]));
        return settled || Enumerable.Range(0, count).All(s =>
            held.Contains(s) || Node.ShardHoldings.HeldElsewhere(session, committed.Shards[s], committed.Member) || ShardedCommit.Keeper(committed.Member, live, s, _ => true) is null);
    }

    /// <summary>Which of the <paramref name="wanted"/> shards of the member this node holds, each of the size the layout gives,
    /// pulling from the member those it lacks. A malformed one is never held, so the member is balloted out rather than stopping
    /// the aggregation; each is read once.</summary>
    private async Task<IReadOnlyList<int>> HeldAsync(int round, CommittedShards committed, IReadOnlyList<int> wanted, IReadOnlyList<NodeAddress> live, CancellationToken ct)
    {
        var stored = new List<int>();
        lock (_pulls)
        {
            // A member voted out needs nothing more: its pulls, waiting for shards nobody serves, would hold download slots the new assignment needs.
            foreach (var (key, gone) in _pulls.Where(p => p.Value.Pull.IsCompletedSuccessfully || (p.Key.Round == round && !live.Contains(p.Value.Member))).ToList())
            {
                gone.Stop.Cancel();
                gone.Stop.Dispose();
                _pulls.Remove(key);
            }

            foreach (var shard in wanted)
            {
                var id = committed.Shards[shard];
                if (Node.Network.HasBlob(id))
                {
                    stored.Add(shard);
                    continue;
                }

                if (_pulls.TryGetValue((round, id), out var pull) && !pull.Pull.IsCanceled && !pull.Pull.IsFaulted) continue;
                var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                _pulls[(round, id)] = (committed.Member, Withhold
                    ? Node.Network.FetchUnannouncedBlobAsync(id, [committed.Member], stop.Token)
                    : Node.Network.FetchBlobAsync(id, [committed.Member], stop.Token), stop);
            }
        }

        var held = new List<int>();
        foreach (var shard in stored)
        {
            var id = committed.Shards[shard];
            bool known, good;
            lock (_formed) known = _formed.TryGetValue(id, out good);
            if (!known)
            {
                var problem = ShardedCommit.Malformation(await Node.Network.ReadBlobAsync(id, ct), Run.Plan.WireLength, committed.Shards.Count, shard);
                if (problem is not null) Log.MalformedShard(Node.Logger, Run.PlanId, round, shard, committed.Member.ToString(), id.ToString(), problem);
                good = problem is null;
                lock (_formed) _formed[id] = good;
            }

            if (good) held.Add(shard);
        }

        return held;
    }

    public override async Task<RoundContributions> CombineAsync(int round, IReadOnlyList<AcceptedBlob> accepted, RoundContributions contributions, CancellationToken ct)
    {
        if (accepted.Count == 0) return contributions;
        // Fault injection: a member dying once the round's set is held (past the availability point), before its aggregation.
        if (Node.Config.CrashAfterAvailabilityRound == round) Process.GetCurrentProcess().Kill();
        var committed = accepted.Select(ShardedCommit.Of).ToList();
        var mine = committed.Find(c => c.Member == Node.Key.Address);
        var over = Node.Chain.Read(s => Run.RoundOf(s, round)?.FinalAggregate is not null);
        uint[] sum;
        if (mine is not null && !over)
        {
            Run.Report("phase", round, phase: "sharded aggregation");
            var result = await AggregateAsync(round, committed, await WordsAsync(round, mine, committed, ct), ct);
            lock (_findings) _findings.AddRange(result.Findings.Select(f => (round, f)));
            await NameOnChainAsync(round, result.Findings, ct);
            sum = result.Sum;
        }
        else
        {
            // Not taking part (no commit of this round, or back after a restart once the round was agreed): every
            // member's words from its shards, summed as full replication sums them.
            Run.Report("phase", round, phase: "fetching shards");
            sum = await SumAloneAsync(round, committed, ct);
        }

        return RoundContributions.Collected(accepted, sum, Run.Plan, round, masked: Run.Pipeline.Masking is not null);
    }

    /// <summary>
    /// This node's part in the round's aggregation over the chain's set (its session named by the set, so a set shrunk by an
    /// exclusion is a new aggregation, not claims over the old one). Two faults end it, and the node replays the round with the
    /// chain's set (<see cref="LateExclusionException"/>, as after a restart): the chain voting a member of the set out, and a
    /// member gone whose shard no holder serves (a keeper that said it holds a part it does not, or will not serve), which this
    /// node ballots out first. Every node that takes part pulls a gone member's shards (it needs them for the member's terms),
    /// so every honest one finds the same shard missing and ballots; the quorum decides, so no single node can take an honest
    /// member out, and every honest node aggregates the set the chain decided.
    /// </summary>
    private async Task<ShardedAggregationResult> AggregateAsync(int round, IReadOnlyList<CommittedShards> committed, uint[] words, CancellationToken ct)
    {
        var holdings = ShardedCommit.Session(Run.PlanId, round);
        var members = committed.Select(c => c.Member.ToLowerHex()).ToHashSet(StringComparer.Ordinal);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var excluded = Node.Chain.WaitAsync(s => Run.RoundOf(s, round)?.Excluded.FirstOrDefault(members.Contains), stop.Token);
        var run = Node.ShardedAggregation.RunCommittedAsync(ShardedCommit.AggregationSession(Run.PlanId, round, committed.Count), committed, words, stop.Token,
            id => Node.ShardHoldings.HoldersOf(holdings, id));
        try
        {
            if (await Task.WhenAny(run, excluded) == excluded && excluded.IsCompletedSuccessfully) throw new LateExclusionException(round, excluded.Result);
            return await run;
        }
        catch (ShardUnavailableException e)
        {
            await VoteOutAsync(round, e, ct);
            throw new LateExclusionException(round, e.Member.ToLowerHex());
        }
        finally
        {
            await stop.CancelAsync();
            // Both end cancelled or done; what they threw after this point is not news.
            _ = Task.WhenAll(run, excluded).ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>Every member's words from its shards, summed as full replication sums them; ended, as the aggregation is, when the
    /// chain votes a member of the set out (its part may be nowhere): the node then replays the round with the chain's set.</summary>
    private async Task<uint[]> SumAloneAsync(int round, IReadOnlyList<CommittedShards> committed, CancellationToken ct)
    {
        var members = committed.Select(c => c.Member.ToLowerHex()).ToHashSet(StringComparer.Ordinal);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var excluded = Node.Chain.WaitAsync(s => Run.RoundOf(s, round)?.Excluded.FirstOrDefault(members.Contains), stop.Token);
        var sum = Task.Run(async () =>
        {
            var total = new uint[Run.Plan.WireLength];
            foreach (var member in committed) UpdateQuantiser.AddInto(total, await WordsAsync(round, member, committed, stop.Token));
            return total;
        }, stop.Token);
        try
        {
            if (await Task.WhenAny(sum, excluded) == excluded && excluded.IsCompletedSuccessfully) throw new LateExclusionException(round, excluded.Result);
            return await sum;
        }
        finally
        {
            await stop.CancelAsync();
            _ = Task.WhenAll(sum, excluded).ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>This node's ballot against a gone member whose shard is nowhere (its one ballot of the round: one cast before, at
    /// the availability deadline, stands), then the wait for the chain to exclude it.</summary>
    /// <exception cref="InvalidOperationException">The chain can no longer exclude it (the round settled without it out).</exception>
    private async Task VoteOutAsync(int round, ShardUnavailableException unavailable, CancellationToken ct)
    {
        var member = unavailable.Member.ToLowerHex();
        Log.ShardUnavailable(Node.Logger, Run.PlanId, round, member, unavailable.Shard, unavailable.Message);
        Run.Report("phase", round, phase: "voting out a member whose shard is nowhere", detail: member);
        var voted = false;
        while (true)
        {
            var changed = Node.Chain.NextChangeAsync(TimeSpan.FromSeconds(1), ct);
            var (excluded, settled) = Node.Chain.Read(s => (Run.RoundOf(s, round)!.Excluded.Contains(member),
                Run.RoundOf(s, round)!.FinalAggregate is not null || (Run.RoundOf(s, round + 1)?.Closed ?? false)));
            if (excluded) return;
            if (settled) throw new InvalidOperationException($"plan {Run.PlanId} round {round}: {unavailable.Message}, and the chain can no longer vote it out");
            if (!voted)
            {
                try
                {
                    await Node.Consortium.Ledger.VoteExclusionAsync(Run.PlanId, (uint)round, [member], ct);
                    Log.UnavailableMemberBalloted(Node.Logger, Run.PlanId, round, member);
                    voted = true;
                }
                catch (ContractRevertException e) when (e.ErrorName == "ExclusionTooEarly")
                {
                    // Before the availability deadline: again at the next change.
                }
                catch (ContractRevertException e)
                {
                    // A ballot of this round cast already (the chain decides with it), or out of the window.
                    Log.CommitRefused(Node.Logger, Run.PlanId, round, e.Message);
                    voted = true;
                }
            }

            await changed;
            ct.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Names each member caught lying on the ledger, once per round (the ledger takes one finding per member and
    /// reporter): the first finding against it, with its signed claim's id and its sum blob, which anyone can check.</summary>
    private async Task NameOnChainAsync(int round, IReadOnlyList<AggregatorFinding> findings, CancellationToken ct)
    {
        foreach (var finding in findings.Where(f => f.Member != Node.Key.Address).DistinctBy(f => f.Member))
        {
            try
            {
                await Node.Consortium.Ledger.ReportAggregatorFindingAsync(Run.PlanId, (uint)round, finding.Member.ToString(), (uint)finding.Shard,
                    Convert.FromHexString(finding.Claim), finding.Aggregate.ToBytes(), (byte)finding.Kind, ct);
                Log.AggregatorNamedOnChain(Node.Logger, Run.PlanId, round, finding.Member.ToString(), finding.Shard, finding.Reason);
            }
            catch (ContractRevertException e)
            {
                Log.FindingRefused(Node.Logger, Run.PlanId, round, finding.Member.ToString(), e.Message);
            }
        }
    }

    /// <summary>A member's committed words, from its shard blobs (our own are in the store already): each from the member or
    /// the shard's keepers (its aggregator and first backup among <paramref name="set"/>'s members, and whoever said it holds it), so a member gone since counts.</summary>
    private async Task<uint[]> WordsAsync(int round, CommittedShards member, IReadOnlyList<CommittedShards> set, CancellationToken ct)
    {
        var order = set.Select(c => c.Member).Order().ToList();
        var session = ShardedCommit.Session(Run.PlanId, round);
        var blobs = new List<byte[]>();
        for (var s = 0; s < member.Shards.Count; s++)
        {
            var id = member.Shards[s];
            IEnumerable<NodeAddress> named = [member.Member, order[s % order.Count], order[(s + 1) % order.Count], .. Node.ShardHoldings.HoldersOf(session, id)];
            var holders = named.Distinct().Where(h => h != Node.Key.Address).ToList();
            if (!Node.Network.HasBlob(id)) await (Withhold ? Node.Network.FetchUnannouncedBlobAsync(id, holders, ct) : Node.Network.FetchBlobAsync(id, holders, ct));
            blobs.Add(await Node.Network.ReadBlobAsync(id, ct));
        }

        return ShardedCommit.Words(member, blobs, Run.Plan.WireLength);
    }
}
