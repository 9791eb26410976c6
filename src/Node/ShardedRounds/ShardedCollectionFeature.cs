using System.Diagnostics;
using FedChain.Contracts.Client;
using FedChain.Learning.Quantisation;
using FedChain.Node.Agent;
using FedChain.Node.Blobs;
using FedChain.Node.Identity;
using FedChain.Node.Rounds;
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

    public ShardedCollectionFeature(PlanRun run) : base(run)
    {
        var config = run.Node.Config;
        if (config.CrashMidAggregationRound is null && config.LieAsAggregatorRound is null) return;
        // Tests' fault injection: a dropout after summing a shard and before claiming it, or a wrong sum claimed.
        run.Node.ShardedAggregation.Tamper = (session, _, sum) =>
        {
            if (config.CrashMidAggregationRound is { } crash && session == ShardedCommit.Session(run.PlanId, crash)) Process.GetCurrentProcess().Kill();
            if (config.LieAsAggregatorRound is { } lie && session == ShardedCommit.Session(run.PlanId, lie)) sum.Sum[0] += 1;
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
        Node.Config.Misbehaviour?.WithholdShardsRound == round
            ? Task.FromResult(ShardedCommit.ListOnly(values, Shards))
            : ShardedCommit.PublishAsync(Node.Network, values, Shards, Withhold, ct);

    /// <summary>
    /// Data availability on shards (docs/network.md, "Who holds what"). Announced shards (the default): a member's
    /// commit counts as held once this node holds all of its shards. Withheld shards (pointToPointShards, where no node
    /// holds every update): once this node holds the member's shards it aggregates (and, as first backup, the member's
    /// own part of its shard), pulled from the member. Once a ballot of the round names the member, every node needs all
    /// of its shards, pulled and announced: a member withholding them from everyone is voted out by the quorum's ballots;
    /// one withholding them from its aggregator alone has them reach it through the others.
    /// </summary>
    public override Task<bool> HoldsAsync(int round, AcceptedBlob blob, CancellationToken ct)
    {
        if (blob.Envelope.Kind is not (EnvelopeKind.Update or EnvelopeKind.MaskedUpdate)) return Task.FromResult(true);
        var committed = ShardedCommit.Of(blob);
        var (live, balloted) = Node.Chain.Read(s =>
        {
            var record = Run.RoundOf(s, round)!;
            var named = s.Plans[Run.PlanId].Indexes.TryGetValue(committed.Member.ToLowerHex(), out var index)
                && record.ExclusionBallots.Exists(b => !(b.Missing >> index).IsEven);
            return (record.Members.Select(NodeAddress.Parse).ToList(), named);
        });
        // Announced shards replicate to every node, so each needs them all; withheld ones only its own parts until a ballot.
        var everything = balloted || !Withhold;
        var wanted = everything ? Enumerable.Range(0, committed.Shards.Count) : ShardedCommit.HeldBy(Node.Key.Address, committed.Member, live, committed.Shards.Count);
        var held = true;
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
                if (Node.Network.HasBlob(id)) continue;
                held = false;
                if (_pulls.TryGetValue((round, id), out var pull) && !pull.Pull.IsCanceled && !pull.Pull.IsFaulted) continue;
                var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                _pulls[(round, id)] = (committed.Member, everything
                    ? Node.Network.FetchBlobAsync(id, [committed.Member], stop.Token)
                    : Node.Network.FetchUnannouncedBlobAsync(id, [committed.Member], stop.Token), stop);
            }
        }

        return Task.FromResult(held);
    }

    public override async Task<RoundContributions> CombineAsync(int round, IReadOnlyList<AcceptedBlob> accepted, RoundContributions contributions, CancellationToken ct)
    {
        if (accepted.Count == 0) return contributions;
        var committed = accepted.Select(ShardedCommit.Of).ToList();
        var mine = committed.Find(c => c.Member == Node.Key.Address);
        var over = Node.Chain.Read(s => Run.RoundOf(s, round)?.FinalAggregate is not null);
        uint[] sum;
        if (mine is not null && !over)
        {
            Run.Report("phase", round, phase: "sharded aggregation");
            var result = await Node.ShardedAggregation.RunCommittedAsync(ShardedCommit.Session(Run.PlanId, round), committed, await WordsAsync(mine, ct), ct);
            lock (_findings) _findings.AddRange(result.Findings.Select(f => (round, f)));
            await NameOnChainAsync(round, result.Findings, ct);
            sum = result.Sum;
        }
        else
        {
            // Not taking part (no commit of this round, or back after a restart once the round was agreed): every
            // member's words from its shards, summed as full replication sums them.
            Run.Report("phase", round, phase: "fetching shards");
            sum = new uint[Run.Plan.WireLength];
            foreach (var member in committed) UpdateQuantiser.AddInto(sum, await WordsAsync(member, ct));
        }

        return RoundContributions.Collected(accepted, sum, Run.Plan, round, masked: Run.Pipeline.Masking is not null);
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

    /// <summary>A member's committed words, from its shard blobs (our own are in the store already).</summary>
    private async Task<uint[]> WordsAsync(CommittedShards member, CancellationToken ct)
    {
        var blobs = new List<byte[]>();
        foreach (var id in member.Shards)
        {
            if (!Node.Network.HasBlob(id)) await (Withhold ? Node.Network.FetchUnannouncedBlobAsync(id, [member.Member], ct) : Node.Network.FetchBlobAsync(id, [member.Member], ct));
            blobs.Add(await Node.Network.ReadBlobAsync(id, ct));
        }

        return ShardedCommit.Words(member, blobs, Run.Plan.WireLength);
    }
}
