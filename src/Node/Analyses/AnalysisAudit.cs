using System.Security.Cryptography;
using System.Text;
using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;
using FedChain.Learning.SecureAggregation;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;
using FedChain.Node.SecureRounds;

namespace FedChain.Node.Analyses;

/// <summary>
/// The auditor's replay of one analysis plan from the chain's events and the exported blobs: it checks
/// each committed blob as the nodes do, recomputes each round's sum (unmasking it from the key, share
/// and unmasking blobs under secure aggregation; no site's statistics are needed in the clear),
/// checks it against the aggregate the members agreed, advances the same public state, and recomputes
/// analysis.json, whose hash must be the result the chain agreed. It also checks the privacy charge:
/// each member's first data-round commit carries the plan's DP epsilon and no other commit any.
/// </summary>
/// <param name="find">Records a finding (plan, round, member, problem).</param>
public sealed class AnalysisAudit(PlanRecord record, IReadOnlyDictionary<string, MemberInfo> members, string blobsFolder, Action<string, int?, string?, string> find)
{
    private readonly string _id = record.PlanId.ToString();

    public int Rounds { get; private set; }

    public int Blobs { get; private set; }

    /// <summary>The recomputed analysis.json (null when the plan could not be replayed to its end).</summary>
    public string? RecomputedJson { get; private set; }

    public void Run()
    {
        if (Plan() is not { } plan) return;
        var setup = AnalysisProposal.SetupRounds(plan);
        CheckPrivacy(plan, setup);
        var names = record.Participants.Select(a => members.TryGetValue(a, out var m) ? m.Name : a).ToList();
        var session = AnalysisSession.Start(plan, names);
        var dataRounds = (int)record.TotalRounds - setup;
        SecAggPool? pool = null;
        HashSet<int> u2 = [];
        if (plan.SecureAggregation)
        {
            pool = new SecAggPool(record.PlanHash, dataRounds, new PlanSlots(record.Participants));
            pool.AddFolder(blobsFolder);
            foreach (var (blob, member, problem) in pool.Rejected) find(_id, null, member, $"secure-aggregation blob {blob[..12]}: {problem}");
            if (record.Rounds.FirstOrDefault() is not { Closed: true } zero) return;
            Rounds++;
            u2 = [.. Accepted(plan, setup, dataRounds, zero, 0).Select(a => pool.Slots.SlotOf(a.Member.ToString()))];
        }

        var shared = new List<SharedBlock>();
        var round = setup;
        for (; !session.Finished; round++)
        {
            if (round >= record.Rounds.Count || !record.Rounds[round].Closed) return; // still running: nothing more to check
            Rounds++;
            var accepted = Accepted(plan, setup, dataRounds, record.Rounds[round], session.VectorLength);
            ulong[] sum;
            try
            {
                sum = pool is null ? AnalysisMasking.PlainSum(accepted, session.VectorLength) : AnalysisMasking.Sum(record.PlanHash, pool, round, u2, MaskedSum.Survivors(pool.Slots, u2, accepted), session.VectorLength);
            }
            catch (SecureAggregationException e)
            {
                find(_id, round, null, $"the round cannot be unmasked from the blobs: {e.Message}");
                return;
            }

            if (!CheckSum(record.Rounds[round], sum)) return;
            shared.AddRange(session.NextShared);
            session = session.Advance(sum);
        }

        RecomputedJson = AnalysisJson.Serialize(session.Outcome(shared));
        CheckResult(round - 1, SHA256.HashData(Encoding.UTF8.GetBytes(RecomputedJson)));
    }

    private AnalysisPlan? Plan()
    {
        var hash = Convert.ToHexStringLower(record.PlanHash);
        if (ExportedBlobs.TryRead(blobsFolder, hash) is not { } bytes)
        {
            find(_id, null, null, $"analysis plan document {hash} is not among the blobs");
            return null;
        }

        try
        {
            return AnalysisDocument.Parse(bytes, "plan blob");
        }
        catch (AnalysisPlanException e)
        {
            find(_id, null, null, $"analysis plan document does not parse: {e.Message}");
            return null;
        }
    }

    private List<AcceptedBlob> Accepted(AnalysisPlan plan, int setup, int dataRounds, RoundRecord round, int length)
    {
        var accepted = new List<AcceptedBlob>();
        foreach (var commitment in round.Commitments)
        {
            Blobs++;
            var hash = Convert.ToHexStringLower(commitment.BlobHash);
            if (ExportedBlobs.TryRead(blobsFolder, hash) is not { } blob)
            {
                find(_id, (int)round.Round, commitment.Member, $"committed blob {hash} is missing");
                continue;
            }

            var ok = AnalysisCommitments.Check(record.PlanHash, plan.SecureAggregation, setup, dataRounds, commitment, blob, length, out var problem);
            if (ok is null) find(_id, (int)round.Round, commitment.Member, $"committed blob {hash[..12]}: {problem}");
            else accepted.Add(ok);
        }

        if (accepted.Count != record.Participants.Count)
            find(_id, (int)round.Round, null, $"{accepted.Count} of {record.Participants.Count} sites' statistics are in the round: the results are not the pooled ones");
        return accepted;
    }

    /// <summary>The round's sum against the aggregate the next round's commits agreed (the last round has none: the result covers it).</summary>
    private bool CheckSum(RoundRecord round, ulong[] sum)
    {
        var expected = Convert.ToHexStringLower(AnalysisVectors.SumHash(sum));
        foreach (var vote in round.AggregateVotes.Where(v => Convert.ToHexStringLower(v.Hash) != expected))
            find(_id, (int)round.Round, vote.Voter, $"voted sum {Convert.ToHexStringLower(vote.Hash)[..12]}, the committed blobs sum to {expected[..12]}");
        if (round.FinalAggregate is { } agreed && Convert.ToHexStringLower(agreed) != expected)
        {
            find(_id, (int)round.Round, null, $"agreed sum {Convert.ToHexStringLower(agreed)[..12]} is not what the committed blobs sum to ({expected[..12]}); later rounds were not recomputed");
            return false;
        }

        return true;
    }

    private void CheckResult(int lastRound, byte[] recomputed)
    {
        var expected = Convert.ToHexStringLower(recomputed);
        foreach (var vote in record.ResultVotes.Where(v => Convert.ToHexStringLower(v.Hash) != expected || v.Round != lastRound))
            find(_id, (int)vote.Round, vote.Voter, $"voted result {Convert.ToHexStringLower(vote.Hash)[..12]} after round {vote.Round}, the blobs give {expected[..12]} after round {lastRound}");
        if (record.AgreedResult is not { } agreed)
        {
            if (record.Status == PlanStatus.Completed) find(_id, lastRound, null, "the plan completed without an agreed result");
            return;
        }

        if (Convert.ToHexStringLower(agreed.ResultHash) != expected || agreed.Round != lastRound)
            find(_id, (int)agreed.Round, null, $"agreed result {Convert.ToHexStringLower(agreed.ResultHash)[..12]} after round {agreed.Round} is not what the blobs give ({expected[..12]} after round {lastRound})");
        var votes = record.ResultVotes.Count(v => v.Hash.AsSpan().SequenceEqual(agreed.ResultHash) && v.Round == agreed.Round);
        var needed = Quorum.VotesNeeded(record.Participants.Count, record.Terms?.QuorumPercent ?? 51);
        if (votes < needed) find(_id, (int)agreed.Round, null, $"result agreed with {votes} votes, quorum is {needed} of {record.Participants.Count}");
    }

    /// <summary>The ledger charged each member the plan's DP epsilon once, on its first data-round commit, and nothing else.</summary>
    private void CheckPrivacy(AnalysisPlan plan, int setup)
    {
        var epsilon = AnalysisProposal.EpsilonMicro(plan);
        if ((record.Limits?.EpsilonPerRound ?? 0) != epsilon)
            find(_id, null, null, $"the chain charges {record.Limits?.EpsilonPerRound ?? 0} micro-epsilon, the plan's DP releases cost {epsilon}");
        foreach (var round in record.Rounds)
        {
            var expected = round.Round == setup ? epsilon : 0UL;
            foreach (var commit in round.Commitments.Where(c => c.EpsilonSpent != expected))
                find(_id, (int)round.Round, commit.Member, $"commit carries {commit.EpsilonSpent} micro-epsilon, the plan charges {expected} in this round");
        }
    }
}
