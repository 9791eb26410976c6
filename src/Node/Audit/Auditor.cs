using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Plans;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;
using FedChain.Node.ShardedRounds;

namespace FedChain.Node.Audit;

/// <summary>
/// Rebuilds every plan's story from the chain's events and the gossiped blobs an auditor holds, and
/// checks it: each commitment's blob exists, hashes right and is signed by the committing member, unless
/// the chain voted it out (then its quorum of exclusion ballots is checked and it stays out: Auditor.Availability.cs);
/// re-aggregating the accepted blobs gives the finalised hash; finalisation met the quorum; no
/// member voted another hash; the released model is the last finalised aggregate. It needs no
/// patient record and runs the same deterministic code as the nodes (<see cref="AggregateTrack"/>).
/// </summary>
/// <param name="events">The events <paramref name="ledger"/> was built from; with them the audit also checks every mint (Auditor.Scores.cs).</param>
public sealed partial class Auditor(LedgerState ledger, string blobsFolder, IReadOnlyList<ChainEvent>? events = null)
{
    private readonly List<AuditFinding> _findings = [];
    private readonly Dictionary<string, string> _finals = [];
    private readonly Dictionary<System.Numerics.BigInteger, AggregateTrack> _tracks = [];
    private int _rounds;
    private int _blobs;

    /// <summary>Each audited plan's recomputed aggregates, as far as they agreed with the chain (what `model fetch` rebuilds a model from).</summary>
    public IReadOnlyDictionary<System.Numerics.BigInteger, AggregateTrack> Tracks => _tracks;

    public AuditResult Run(IProgress<string>? progress = null)
    {
        foreach (var plan in ledger.Plans.Values.Where(p => p.Status is PlanStatus.Running or PlanStatus.Completed))
        {
            progress?.Report($"plan {plan.PlanId}: {plan.Rounds.Count} rounds");
            if (plan.Kind == PlanKind.Analysis) AuditAnalysis(plan);
            else AuditPlan(plan);
        }

        CheckStrayMints();

        return new AuditResult(_findings, ledger.Plans.Count, _rounds, _blobs, _finals, _exclusions) { Analyses = _analyses };
    }

    private void AuditPlan(PlanRecord record)
    {
        var id = record.PlanId.ToString();
        var planBytes = Read(Convert.ToHexStringLower(record.PlanHash));
        if (planBytes is null)
        {
            Find(id, null, null, $"plan document {Convert.ToHexStringLower(record.PlanHash)} is not among the blobs");
            return;
        }

        TrainingPlan plan;
        try
        {
            plan = TrainingPlan.Parse(System.Text.Encoding.UTF8.GetString(planBytes), "plan blob");
        }
        catch (ArgumentException e)
        {
            Find(id, null, null, $"plan document does not parse: {e.Message}");
            return;
        }

        if (plan.StartFrom is { } from)
        {
            var problem = StartingModel.Refusal(ledger, from);
            var released = problem is null ? Read(from.ModelHash) : null;
            if (released is null)
            {
                Find(id, null, null, problem ?? $"the released model {from.ModelHash} the plan starts from is not among the blobs");
                return;
            }

            plan = plan.WithStartingModel(StartingModel.Parse(released));
        }

        var quorum = record.Terms?.QuorumPercent ?? 51;
        var track = new AggregateTrack(plan, record.Participants.Count);
        _tracks[record.PlanId] = track;
        foreach (var round in record.Rounds.Where(r => r.Closed))
        {
            _rounds++;
            var failures = _findings.Count;
            CheckExclusions(id, record, round);
            var accepted = CheckCommitments(id, plan, record.PlanHash, round, record.Participants.Count);
            byte[] hash;
            if (round.Round == 0)
            {
                CheckScores(id, plan, record, round, null);
                hash = ApplyMoments(id, plan, record, track, accepted);
            }
            else
            {
                var contributions = Contributions(id, plan, record, round, accepted);
                CheckScores(id, plan, record, round, contributions);
                hash = track.Apply(track.InputsFor((int)round.Round, contributions));
            }

            if (!CheckAgreement(id, record, round, hash, quorum, blobsFailed: _findings.Count > failures))
            {
                Find(id, null, null, $"rounds after {round.Round} were not recomputed: the audit's aggregate diverged from the chain's");
                return;
            }
        }

        CheckPrivacy(id, plan, record);
        CheckRelease(id, record);
        CheckMints(id, record);
    }

    /// <summary>A sharded commit with its words put back together from its shard blobs in the folder: the aggregate is then
    /// re-summed from every member's committed shards by the same code as a fully replicated one.</summary>
    private AcceptedBlob? Assembled(AcceptedBlob accepted, TrainingPlan document, out string? problem)
    {
        var committed = ShardedCommit.Of(accepted);
        var blobs = committed.Shards.Select(id => Read(id.ToString())).ToList();
        if (blobs.IndexOf(null) is var missing and >= 0)
        {
            problem = $"shard {missing} ({committed.Shards[missing]}) is missing";
            return null;
        }

        try
        {
            problem = null;
            return ShardedCommit.Assembled(accepted, ShardedCommit.Words(committed, blobs!, document.WireLength));
        }
        catch (InvalidDataException e)
        {
            problem = e.Message;
            return null;
        }
    }

    private List<AcceptedBlob> CheckCommitments(string plan, TrainingPlan document, byte[] planHash, RoundRecord round, int participants)
    {
        var accepted = new List<AcceptedBlob>();
        foreach (var commitment in round.Commitments.Where(c => !round.Excluded.Contains(c.Member.ToLowerInvariant())))
        {
            _blobs++;
            var hash = Convert.ToHexStringLower(commitment.BlobHash);
            var blob = Read(hash);
            if (blob is null)
            {
                Find(plan, (int)round.Round, commitment.Member, $"committed blob {hash} is missing");
                continue;
            }

            var ok = CommitmentCheck.Check(document, planHash, commitment, blob, out var problem, participants);
            if (ok is not null && round.Round > 0 && ShardedCommit.IsSharded(document)) ok = Assembled(ok, document, out problem);
            if (ok is null) Find(plan, (int)round.Round, commitment.Member, $"committed blob {hash[..12]}: {problem}");
            else accepted.Add(ok);
        }

        return accepted;
    }

    /// <returns>False when the recomputed aggregate differs from the finalised one, so later rounds cannot be checked.</returns>
    private bool CheckAgreement(string plan, PlanRecord record, RoundRecord round, byte[] recomputed, byte quorumPercent, bool blobsFailed)
    {
        var expected = Convert.ToHexStringLower(recomputed);
        var finalised = round.FinalAggregate is null ? null : Convert.ToHexStringLower(round.FinalAggregate);
        if (finalised is not null && finalised != expected)
        {
            // With a blob failing here but not for the nodes (e.g. a tampered copy), the recomputation is
            // what is wrong, not the voters; otherwise the quorum agreed on a wrong aggregate.
            Find(plan, (int)round.Round, null, blobsFailed
                ? $"finalised aggregate {finalised[..12]} cannot be confirmed: without the failing blobs above the aggregate is {expected[..12]}"
                : $"finalised aggregate {finalised[..12]} is not what the committed blobs aggregate to ({expected[..12]})");
            if (!blobsFailed) BlameVoters(plan, round, expected);
            return false;
        }

        BlameVoters(plan, round, expected);
        if (finalised is null)
        {
            // An asynchronous plan's windows close faster than votes on their aggregates can land: only its last
            // aggregate must be agreed, and it derives from every earlier window of the chain's order.
            if (record.Status == PlanStatus.Completed && (record.Terms is not { BufferSize: > 0 } || round.Round + 1 == record.TotalRounds))
                Find(plan, (int)round.Round, null, "the aggregate was never finalised");
            return true;
        }

        _finals[$"{plan}/{round.Round}"] = finalised;
        var votes = round.AggregateVotes.Count(v => Convert.ToHexStringLower(v.Hash) == finalised);
        var needed = Quorum.VotesNeeded(record.Participants.Count, quorumPercent);
        if (votes < needed) Find(plan, (int)round.Round, null, $"finalised with {votes} votes, quorum is {needed} of {record.Participants.Count}");
        return true;
    }

    private void BlameVoters(string plan, RoundRecord round, string expected)
    {
        foreach (var vote in round.AggregateVotes.Where(v => Convert.ToHexStringLower(v.Hash) != expected))
            Find(plan, (int)round.Round, vote.Voter, $"voted aggregate {Convert.ToHexStringLower(vote.Hash)[..12]}, the committed blobs aggregate to {expected[..12]}");
    }

    private void CheckRelease(string plan, PlanRecord record)
    {
        if (record.ReleasedModel is null) return;
        var last = record.Rounds.LastOrDefault(r => r.FinalAggregate is not null);
        if (last is null || !last.FinalAggregate!.AsSpan().SequenceEqual(record.ReleasedModel) || last.Round + 1 != record.TotalRounds)
            Find(plan, null, null, $"released model {Convert.ToHexStringLower(record.ReleasedModel)[..12]} is not the last round's finalised aggregate");
    }

    private byte[]? Read(string hash) => ExportedBlobs.TryRead(blobsFolder, hash);

    private void Find(string plan, int? round, string? member, string problem) => _findings.Add(new AuditFinding(plan, round, member, problem));

    /// <summary>Loads the chain's story and audits it.</summary>
    public static async Task<AuditResult> RunAsync(ChainEventReader reader, ulong fromBlock, string blobsFolder, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        if (!Directory.Exists(blobsFolder)) throw new DirectoryNotFoundException($"blobs folder {blobsFolder} does not exist");
        var events = await reader.ReadAsync(fromBlock, null, ct);
        var state = new LedgerState();
        foreach (var e in events) state.Apply(e);
        return new Auditor(state, blobsFolder, events).Run(progress);
    }
}
