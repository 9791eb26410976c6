using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Rewards;
using FedChain.Learning.Contribution;
using FedChain.Learning.Plans;
using FedChain.Node.Contributions;
using FedChain.Node.Rounds;

namespace FedChain.Node.Audit;

/// <summary>
/// Contribution scores and rewards: each scored round is recomputed with
/// <see cref="RoundScoring.Score"/> from the utility-report blobs the round's members pinned on-chain
/// (under secure aggregation the survivors, whose reports were evaluated on models built from the sum
/// alone; a pinned report missing from the folder is a finding, an unpinned one does not count),
/// then checked against the votes, the agreed hash and the <c>ScoresRecorded</c> vector; the mints
/// (Transfer from 0) of the transaction that settled the plan are checked against the ledger's rule over
/// every vector the plan recorded (<see cref="ChainScores.Payouts"/>: net contribution, within the pool),
/// and any mint outside a settlement is a finding.
/// </summary>
public sealed partial class Auditor
{
    private const string ZeroAddress = "0x0000000000000000000000000000000000000000";
    private readonly Dictionary<string, UtilityReportPool> _reportPools = new(StringComparer.Ordinal);

    /// <param name="contributions">The round's participants (null for round 0); under secure aggregation the survivors, whose reports come from the sum.</param>
    private void CheckScores(string plan, TrainingPlan document, PlanRecord record, RoundRecord round, RoundContributions? contributions)
    {
        var r = (int)round.Round;
        if (document.Contribution is null || contributions is not { Participants.Count: > 0 })
        {
            if (round.RecordedScores is not null) Find(plan, r, null, "scores were recorded for a round the plan does not score");
            return;
        }

        ScoreVector expected;
        try
        {
            var pool = Reports(record.PlanHash);
            foreach (var (member, blob) in pool.Unpinned(r, contributions.Addresses, round.ReportPins).Where(u => u.Blob is not null))
                Find(plan, r, member, $"pinned utility report {blob![..12]} is not among the blobs, or is not its report of round {r}");
            var engine = RoundScoring.Score(document.Contribution, document.Hash, document.Seed, r, contributions.Roster, pool.Pinned(r, contributions.Addresses, round.ReportPins));
            expected = ChainScores.ToVector(record.PlanId, engine, round.Members);
        }
        catch (ArgumentException e)
        {
            Find(plan, r, null, $"scores cannot be recomputed: {e.Message}");
            return;
        }

        var hash = Convert.ToHexStringLower(expected.Hash());
        foreach (var vote in round.ScoresVotes.Where(v => Convert.ToHexStringLower(v.Hash) != hash))
            Find(plan, r, vote.Voter, $"voted scores {Convert.ToHexStringLower(vote.Hash)[..12]}, the signed utility reports give {hash[..12]}");
        if (round.AgreedScores is { } agreed)
        {
            if (Convert.ToHexStringLower(agreed) != hash) Find(plan, r, null, $"agreed scores {Convert.ToHexStringLower(agreed)[..12]} are not what the signed utility reports give ({hash[..12]})");
            var votes = round.ScoresVotes.Count(v => v.Hash.AsSpan().SequenceEqual(agreed));
            var needed = Quorum.VotesNeeded(record.Participants.Count, record.Terms?.QuorumPercent ?? 51);
            if (votes < needed) Find(plan, r, null, $"scores agreed with {votes} votes, quorum is {needed} of {record.Participants.Count}");
        }

        if (round.RecordedScores is { } recorded) CompareRecorded(plan, r, recorded, expected);
        else if (record.Status == PlanStatus.Completed) Find(plan, r, null, "the round's scores were never recorded, so no reward was minted for it");
    }

    /// <summary>Position by position: a finding per member whose recorded identity or score differs from the recomputation.</summary>
    private void CompareRecorded(string plan, int round, ScoreVector recorded, ScoreVector expected)
    {
        for (var i = 0; i < Math.Max(recorded.Members.Count, expected.Members.Count); i++)
        {
            var member = i < recorded.Members.Count ? recorded.Members[i].ToLowerInvariant() : null;
            var should = i < expected.Members.Count ? expected.Members[i] : null;
            if (member != should)
                Find(plan, round, member ?? should, $"recorded member {i} is {member ?? "(none)"}, the round's accepted members give {should ?? "(none)"}");
            else if (recorded.Scores[i] != expected.Scores[i])
                Find(plan, round, member, $"recorded score {recorded.Scores[i]} (micro), the signed utility reports give {expected.Scores[i]}");
        }
    }

    /// <summary>The transaction that settled the plan mints what the ledger's rule gives over every recorded row;
    /// a member the rule pays and the settlement did not may only be one removed from the consortium since.</summary>
    private void CheckMints(string plan, PlanRecord record)
    {
        if (events is null) return;
        var settlement = events.GroupBy(e => e.TransactionHash, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(t => t.Any(e => e.Event is LedgerEvents.PlanSettled s && s.PlanId == record.PlanId));
        if (settlement is null) return;
        var rows = record.Rounds.Select(r => r.RecordedScores).OfType<ScoreVector>().ToList();
        var training = (int)record.TotalRounds - (record.Limits?.SetupRounds ?? 0);
        var expected = ChainScores.Payouts(rows, record.Terms?.RewardPool ?? BigInteger.Zero, training);
        var minted = Mints(settlement);
        foreach (var member in expected.Keys.Union(minted.Keys).Order(StringComparer.Ordinal))
        {
            var (should, did) = (expected.GetValueOrDefault(member), minted.GetValueOrDefault(member));
            if (did == 0 && should > 0 && !record.Participants.Contains(member)) continue; // removed since: it forfeits
            if (should != did)
                Find(plan, null, member, $"minted {did} reward units when the plan settled, the ledger's rule over its recorded scores (net contribution, pool {record.Terms?.RewardPool}) gives {should}");
        }
    }

    /// <summary>Reward tokens only come from settlements: a mint in any other transaction is a finding.</summary>
    private void CheckStrayMints()
    {
        if (events is null) return;
        foreach (var transaction in events.GroupBy(e => e.TransactionHash, StringComparer.OrdinalIgnoreCase))
        {
            if (transaction.Any(e => e.Event is LedgerEvents.PlanSettled)) continue;
            foreach (var (member, value) in Mints(transaction))
                Find("-", null, member, $"minted {value} reward units in transaction {transaction.Key}, which settles no plan");
        }
    }

    private static SortedDictionary<string, BigInteger> Mints(IEnumerable<ChainEvent> transaction)
    {
        var minted = new SortedDictionary<string, BigInteger>(StringComparer.Ordinal);
        foreach (var t in transaction.Select(e => e.Event).OfType<RewardEvents.Transfer>().Where(t => string.Equals(t.From, ZeroAddress, StringComparison.OrdinalIgnoreCase)))
            minted[t.To.ToLowerInvariant()] = minted.GetValueOrDefault(t.To.ToLowerInvariant()) + t.Value;
        return minted;
    }

    private UtilityReportPool Reports(byte[] planHash)
    {
        var key = Convert.ToHexStringLower(planHash);
        if (!_reportPools.TryGetValue(key, out var pool))
        {
            _reportPools[key] = pool = new UtilityReportPool(planHash);
            pool.AddFolder(blobsFolder);
        }

        return pool;
    }
}
