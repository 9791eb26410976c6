using System.Diagnostics;
using System.Text.Json;
using FedChain.Contracts.Client;
using FedChain.Contracts.Events;
using FedChain.Learning.Contribution;
using FedChain.Learning.Plans;
using FedChain.Node.Contributions;
using FedChain.Node.Rounds;

namespace FedChain.Node.Agent;

/// <summary>
/// Contribution scores (issue 8, docs/contribution.md "In the node"): after aggregating round r
/// the node publishes its signed utility report for r; the commit of round r + scoresLag carries
/// its vote on r's score vector, computed from the roster's reports; after the last round it votes
/// the last rounds on their own, the lowest participant address records the agreed vectors in
/// batches (the ledger mints the rewards) and every node checks what was recorded.
/// </summary>
public sealed partial class PlanRunner
{
    private readonly Dictionary<int, RoundRoster> _rosters = [];
    private readonly Dictionary<int, double> _reportMs = [];
    private readonly Dictionary<int, ScoredRound> _scored = [];
    private UtilityReportPool? _reports;

    private TimeSpan ScoresWait => TimeSpan.FromSeconds(Math.Max(5, node.Chain.Read(s => s.Plans[planId].CommitWindow)));

    /// <summary>Before aggregating round <paramref name="round"/> (the track still holds the model the round trained from):
    /// builds every scheduled subset model, evaluates them on this node's test rows and publishes the signed report.</summary>
    private async Task ReportUtilitiesAsync(TrainingPlan plan, byte[] planHash, LocalSite site, AggregateTrack track, int members, int round,
        IReadOnlyList<AcceptedBlob> accepted, CancellationToken ct)
    {
        if (plan.Contribution is null || round == 0 || accepted.Count == 0) return;
        _reports ??= new UtilityReportPool(planHash);
        var roster = RoundRoster.Of(accepted, plan.UpdateLength);
        _rosters[round] = roster;
        if (!roster.Addresses.Contains(node.Me, StringComparer.Ordinal)) return; // only the round's members report
        // A node replaying closed rounds after a restart stays silent: the others scored (or are scoring)
        // those rounds without its report, and a late report would only make the auditor see another set.
        if (node.Chain.Read(s => s.Plans[planId].CurrentRound) > round + 1)
        {
            Log.UtilityNotReported(node.Logger, planId, round, "catching up after a restart: the round's scoring has moved on without this report");
            return;
        }

        var watch = Stopwatch.StartNew();
        UtilityReport? report;
        try
        {
            report = UtilityReporting.Report(plan, round, track.Global, track.Server, roster.Updates, members, node.Me, site.Scaled!.Test);
        }
        catch (ArgumentException e)
        {
            Log.UtilityNotReported(node.Logger, planId, round, e.Message);
            return;
        }

        _reportMs[round] = watch.Elapsed.TotalMilliseconds;
        if (report is null)
        {
            Log.UtilityNotReported(node.Logger, planId, round, "our test rows cannot measure the plan's metric; abstaining");
            return;
        }

        await node.Network.PublishBlobAsync(UtilityReportBlob.Seal(node.Key, planHash, report), ct);
        Log.UtilityReported(node.Logger, planId, round, report.Utilities.Count, _reportMs[round]);
    }

    /// <summary>The score-vector hash the commit of <paramref name="round"/> votes (round - scoresLag), or null when it has none.</summary>
    private async Task<byte[]?> ScoresVoteAsync(TrainingPlan plan, int round, CancellationToken ct)
    {
        var lag = node.Chain.Read(s => s.Plans[planId].Terms?.ScoresLag ?? 0);
        if (plan.Contribution is null || lag == 0 || round - lag < 1) return null;
        // Waiting must not make the commit miss its deadline: at most half the time the round has left.
        var deadline = node.Chain.Read(s => RoundOf(s, round)?.Deadline ?? 0);
        var left = TimeSpan.FromSeconds(Math.Max(0, (long)deadline - await node.Chain.ChainNowAsync(ct)) / 2.0);
        return (await ScoresOfAsync(plan, round - lag, left < ScoresWait ? left : ScoresWait, ct))?.Vector!.Hash();
    }

    /// <summary>Waits (at most <paramref name="wait"/>) for every roster member's report of the round, then scores with what arrived.</summary>
    private async Task<ScoredRound?> ScoresOfAsync(TrainingPlan plan, int round, TimeSpan wait, CancellationToken ct)
    {
        if (_scored.TryGetValue(round, out var done)) return done;
        if (!_rosters.TryGetValue(round, out var roster) || _reports is null) return null;
        if (!await WaitOnStoredBlobsAsync(c => ScanBlobsAsync(round, c), () => _reports.Reporters(round, roster.Addresses) == roster.Members.Count, wait, ct))
            Log.ScoresWaitTimedOut(node.Logger, planId, $"every utility report of round {round}", wait.TotalSeconds);

        var watch = Stopwatch.StartNew();
        var reports = _reports.For(round, roster.Addresses);
        var engine = RoundScoring.Score(plan.Contribution!, plan.Hash, plan.Seed, round, roster.Members, reports);
        var vector = ChainScores.ToVector(planId, engine, node.Chain.Read(s => RoundOf(s, round)?.Members ?? roster.Addresses));
        var hash = Convert.ToHexStringLower(vector.Hash());
        var scored = new ScoredRound(round, vector.Members, vector.Scores, hash, engine, _reportMs.GetValueOrDefault(round), watch.Elapsed.TotalMilliseconds) { Vector = vector };
        _scored[round] = scored;
        Log.RoundScored(node.Logger, planId, round, hash[..12], engine.Evaluators.Count, roster.Members.Count);
        return scored;
    }

    private async Task ScanBlobsAsync(int round, CancellationToken ct)
    {
        var rejected = _reports!.Rejected.Count;
        foreach (var blob in node.Network.Store.List().Where(b => !_reports.HasSeen(b.Id.ToString())))
            _reports.Add(blob.Id.ToString(), await node.Network.ReadBlobAsync(blob.Id, ct));
        foreach (var (id, problem) in _reports.Rejected.Skip(rejected)) Log.ReportRejected(node.Logger, planId, round, id, problem);
    }

    /// <summary>After the last round: votes the rounds no commit carried, records the agreed vectors
    /// (the lowest participant address, or anyone once that took too long), checks the record, writes scores.json.</summary>
    private async Task FinishScoresAsync(TrainingPlan plan, CancellationToken ct)
    {
        if (plan.Contribution is null || _rosters.Count == 0) return;
        Report("phase", phase: "scores");
        var (lag, last) = node.Chain.Read(s => ((int)(s.Plans[planId].Terms?.ScoresLag ?? 1), (int)s.Plans[planId].TotalRounds - 1));
        foreach (var round in _rosters.Keys.Order()) await ScoresOfAsync(plan, round, ScoresWait, ct);
        for (var round = Math.Max(1, last - lag + 1); round <= last; round++) await VoteScoresAsync(round, ct);

        var rounds = _scored.Keys.Order().ToList();
        await WaitChainAsync(s => rounds.All(r => RoundOf(s, r)?.AgreedScores is not null), "agreement on every round's scores", ct);
        var recorder = node.Chain.Read(s => s.Plans[planId].Participants.Min(StringComparer.Ordinal));
        if (Same(recorder ?? "")) await RecordAgreedAsync(ct);
        if (!await WaitChainAsync(s => rounds.All(r => RoundOf(s, r) is not { AgreedScores: not null, RecordedScores: null }), "the recording of the agreed scores", ct))
            await RecordAgreedAsync(ct); // the recorder is gone: anyone may record an agreed vector

        await WriteScoresAsync(rounds, ct);
    }

    /// <summary>When this node commits nothing in <paramref name="round"/> (its privacy budget is spent), the score
    /// vote that commit would carry (round - scoresLag) is cast on its own, so the round still reaches agreement.</summary>
    private async Task VoteScoresWithoutCommitAsync(TrainingPlan plan, int round, CancellationToken ct)
    {
        var lag = node.Chain.Read(s => s.Plans[planId].Terms?.ScoresLag ?? 0);
        if (plan.Contribution is null || lag == 0 || round - lag < 1) return;
        if (await ScoresOfAsync(plan, round - lag, ScoresWait, ct) is not null) await VoteScoresAsync(round - lag, ct);
    }

    private async Task VoteScoresAsync(int round, CancellationToken ct)
    {
        if (!_scored.TryGetValue(round, out var scored) || node.Chain.Read(s => RoundOf(s, round)?.ScoresVotes.Any(v => Same(v.Voter)) ?? true)) return;
        try
        {
            await node.Consortium.Ledger.VoteScoresAsync(planId, (uint)round, scored.Vector!.Hash(), ct);
        }
        catch (ContractRevertException e)
        {
            Log.ScoresRefused(node.Logger, planId, e.Message);
        }
    }

    /// <summary>Records, in batches of up to four consecutive rounds, every agreed vector that equals ours and is not recorded yet.</summary>
    private async Task RecordAgreedAsync(CancellationToken ct)
    {
        var due = node.Chain.Read(s => _scored.Values
            .Where(x => RoundOf(s, x.Round) is { AgreedScores: { } agreed, RecordedScores: null } && Convert.ToHexStringLower(agreed) == x.VectorHash)
            .Select(x => x.Vector!).ToList());
        foreach (var batch in ChainScores.Batches(due))
        {
            try
            {
                await node.Consortium.Ledger.RecordScoresAsync(batch, ct);
                Log.ScoresRecorded(node.Logger, planId, (int)batch[0].Round, (int)batch[^1].Round);
            }
            catch (ContractRevertException e)
            {
                Log.ScoresRefused(node.Logger, planId, e.Message);
            }
        }
    }

    /// <summary>Waits at most <see cref="ScoresWait"/> for <paramref name="condition"/>; false when it timed out.</summary>
    private async Task<bool> WaitChainAsync(Func<LedgerState, bool> condition, string what, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(ScoresWait);
        try
        {
            await node.Chain.WaitAsync(s => condition(s) ? s : null, bounded.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Log.ScoresWaitTimedOut(node.Logger, planId, what, ScoresWait.TotalSeconds);
            return false;
        }
    }

    private async Task WriteScoresAsync(IReadOnlyList<int> rounds, CancellationToken ct)
    {
        var recorded = new List<int>();
        var different = new List<int>();
        foreach (var round in rounds)
        {
            var onChain = node.Chain.Read(s => RoundOf(s, round)?.RecordedScores);
            var same = onChain is not null && Convert.ToHexStringLower(onChain.Hash()) == _scored[round].VectorHash;
            (same ? recorded : different).Add(round);
            if (!same) Log.ScoresDiffer(node.Logger, planId, round, onChain is null ? "not recorded" : $"recorded {Convert.ToHexStringLower(onChain.Hash())[..12]}, ours {_scored[round].VectorHash[..12]}");
        }

        var rate = node.Chain.Read(s => ChainScores.RewardPerScore(s.Plans[planId]));
        var file = new NodeScores(planId.ToString(), node.Me, "micro", rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [.. rounds.Select(r => _scored[r])], recorded, different);
        Directory.CreateDirectory(PlanDirectory);
        await File.WriteAllTextAsync(Path.Combine(PlanDirectory, "scores.json"), JsonSerializer.Serialize(file, StatusReporter.Json), ct);
        Report("phase", phase: "scores", detail: $"{recorded.Count} of {rounds.Count} rounds recorded as we scored them");
    }
}
