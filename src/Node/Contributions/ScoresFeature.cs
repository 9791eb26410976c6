using System.Diagnostics;
using FedChain.Contracts.Client;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Contribution;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Training;
using FedChain.Node.Agent;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;

namespace FedChain.Node.Contributions;

/// <summary>
/// Contribution scores in the node (docs/contribution.md, "In the node"): after round r closes the node
/// publishes its signed utility report for r, from the pipeline's scoring stage (per-member subset
/// models, or under secure aggregation the round's sum alone), and pins it on-chain with its round r + 1
/// commit (or <c>pin</c> when it sends none); the commit of round r + scoresLag carries its vote on r's
/// score vector, computed from the roster's pinned reports only; after the last round it
/// votes the last rounds on their own, the lowest address among the last round's committers records the agreed vectors in
/// batches (the ledger mints the rewards) and every node checks what was recorded. Its audit is <c>Auditor.Scores.cs</c>.
/// </summary>
public sealed partial class ScoresFeature(PlanRun run) : PlanFeature(run)
{
    private readonly Dictionary<int, RoundContributions> _rosters = [];
    private readonly Dictionary<int, double> _reportMs = [];
    private readonly Dictionary<int, ScoredRound> _scored = [];
    private readonly UtilityReportPool _reports = new(run.PlanHash);
    private readonly Dictionary<int, byte[]> _ownReports = [];
    private readonly HashSet<string> _fetching = new(StringComparer.Ordinal);
    private Task<byte[]?> _vote = Task.FromResult<byte[]?>(null);

    private NodeContext Node => Run.Node;

    private int Lag => (int)Node.Chain.Read(s => s.Plans[Run.PlanId].Terms?.ScoresLag ?? 0);

    /// <summary>Scores need the pins to arrive before the votes: round r's reports are pinned by the round r + 1 commits, which with a lag of 1 would also carry the votes.</summary>
    public override Task<string?> RefusalAsync(CancellationToken ct) => Task.FromResult(Lag == 1
        ? "the plan votes each round's scores on the next round's commits (scoresLag 1), the same commits that pin the round's utility reports, so no vote could be taken from pinned reports; it needs scoresLag 2"
        : null);

    /// <summary>The score vote concerns an earlier round: work it out while this round trains.</summary>
    public override void RoundOpened(int round, CancellationToken ct) => _vote = ScoresVoteAsync(round, ct);

    /// <summary>The score vote, and the pin of this node's utility report of the round before (round 1 has none: round 0 is not scored).</summary>
    public override async Task<RoundCommitment> CommitmentAsync(int round, RoundCommitment commitment, ClientUpdate? update, CancellationToken ct) =>
        commitment with
        {
            ScoresVote = await _vote,
            PinnedHash = round >= 2 && _ownReports.TryGetValue(round - 1, out var report) ? report : commitment.PinnedHash,
        };

    /// <summary>When this node commits nothing in <paramref name="round"/>, the pin and the score vote that commit would carry are sent on their own.</summary>
    public override async Task NotCommittingAsync(int round, CancellationToken ct)
    {
        await PinAsync(round - 1, ct);
        await _vote;
        if (Lag == 0 || round - Lag < 1) return;
        if (await ScoresOfAsync(round - Lag, Run.BlobWait, ct) is not null) await VoteScoresAsync(round - Lag, ct);
    }

    /// <summary>Before the track applies round r (the inputs hold the model the round trained from):
    /// the scoring stage's subset models, evaluated on this node's test rows, published as the signed report.</summary>
    public override async Task AggregatingAsync(RoundInputs inputs, RoundContributions contributions, CancellationToken ct)
    {
        var round = inputs.Round;
        if (contributions.Participants.Count == 0) return;
        _rosters[round] = contributions;
        if (!contributions.Addresses.Contains(Node.Me, StringComparer.Ordinal)) return; // only the round's members report
        if (contributions.Sum is null)
        {
            Log.UtilityNotReported(Node.Logger, Run.PlanId, round, "the round has no sum (it could not be unmasked), so no subset model to evaluate");
            return;
        }

        // A node replaying closed rounds after a restart stays silent: the others scored (or are scoring)
        // those rounds without its report, and a late report would only make the auditor see another set.
        if (Node.Chain.Read(s => s.Plans[Run.PlanId].CurrentRound) > round + 1)
        {
            Log.UtilityNotReported(Node.Logger, Run.PlanId, round, "catching up after a restart: the round's scoring has moved on without this report");
            return;
        }

        var watch = Stopwatch.StartNew();
        UtilityReport? report;
        try
        {
            report = Run.Pipeline.Report(inputs, Node.Me, Run.Site.Scaled!.Test);
        }
        catch (ArgumentException e)
        {
            Log.UtilityNotReported(Node.Logger, Run.PlanId, round, e.Message);
            return;
        }

        _reportMs[round] = watch.Elapsed.TotalMilliseconds;
        if (report is null)
        {
            Log.UtilityNotReported(Node.Logger, Run.PlanId, round, "our test rows cannot measure the plan's metric; abstaining");
            return;
        }

        var id = await Node.Network.PublishBlobAsync(UtilityReportBlob.Seal(Node.Key, Run.PlanHash, report), ct);
        _ownReports[round] = id.ToBytes();
        Log.UtilityReported(Node.Logger, Run.PlanId, round, report.Utilities.Count, _reportMs[round]);
    }

    /// <summary>The score-vector hash the commit of <paramref name="round"/> votes (round - scoresLag), or null when it has none.</summary>
    private async Task<byte[]?> ScoresVoteAsync(int round, CancellationToken ct)
    {
        var lag = Lag;
        if (lag == 0 || round - lag < 1) return null;
        // Waiting must not make the commit miss its deadline: at most half the time the round has left.
        var left = await Run.HalfTimeLeftAsync(round, ct);
        return (await ScoresOfAsync(round - lag, left < Run.BlobWait ? left : Run.BlobWait, ct))?.Vector!.Hash();
    }

    /// <summary>
    /// Waits (at most <paramref name="wait"/>) for every roster member's pinned report of the round, fetching
    /// each pinned blob by its id, then scores with the pinned reports that arrived.
    /// </summary>
    private async Task<ScoredRound?> ScoresOfAsync(int round, TimeSpan wait, CancellationToken ct)
    {
        if (_scored.TryGetValue(round, out var done)) return done;
        if (!_rosters.TryGetValue(round, out var roster)) return null;
        var addresses = roster.Addresses;
        IReadOnlyDictionary<string, byte[]> Pins() => Node.Chain.Read(s => new Dictionary<string, byte[]>(Run.RoundOf(s, round)?.ReportPins ?? [], StringComparer.Ordinal));
        using (var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            bounded.CancelAfter(wait);
            var complete = await Run.WaitOnStoredBlobsAsync(c => ScanBlobsAsync(round, addresses, Pins(), bounded.Token, c), () => !StillComing(round, addresses, Pins()), wait, ct);
            if (!complete) Log.ScoresWaitTimedOut(Node.Logger, Run.PlanId, $"the pinned utility reports of round {round} ({string.Join(", ", _reports.Unpinned(round, addresses, Pins()).Select(u => u.Member))})", wait.TotalSeconds);
        }

        var watch = Stopwatch.StartNew();
        var plan = Run.Plan;
        var engine = RoundScoring.Score(plan.Contribution!, plan.Hash, plan.Seed, round, roster.Roster, _reports.Pinned(round, addresses, Pins()));
        var vector = ChainScores.ToVector(Run.PlanId, engine, Node.Chain.Read(s => Run.RoundOf(s, round)?.Members ?? addresses));
        var hash = Convert.ToHexStringLower(vector.Hash());
        var scored = new ScoredRound(round, vector.Members, vector.Scores, hash, engine, _reportMs.GetValueOrDefault(round), watch.Elapsed.TotalMilliseconds) { Vector = vector };
        _scored[round] = scored;
        Log.RoundScored(Node.Logger, Run.PlanId, round, hash[..12], engine.Evaluators.Count, addresses.Count);
        return scored;
    }

    /// <summary>
    /// Whether a roster member's report of the round may still count: its pinned blob is not here yet, or it
    /// has no pin yet while one can still come (a pin rides on the next round's commit, or is sent on its own
    /// by a member that does not commit it: once the next round closed without one, none is coming).
    /// </summary>
    private bool StillComing(int round, IReadOnlyList<string> roster, IReadOnlyDictionary<string, byte[]> pins)
    {
        var unpinned = _reports.Unpinned(round, roster, pins);
        if (unpinned.Count == 0) return false;
        var nextClosed = Node.Chain.Read(s => Run.RoundOf(s, round + 1)?.Closed ?? false);
        return unpinned.Any(u => u.Blob is not null || !nextClosed);
    }

    /// <summary>Adds the stored report blobs to the pool, and starts fetching each pinned report blob not held yet (until <paramref name="fetchUntil"/>).</summary>
    private async Task ScanBlobsAsync(int round, IReadOnlyList<string> roster, IReadOnlyDictionary<string, byte[]> pins, CancellationToken fetchUntil, CancellationToken ct)
    {
        var rejected = _reports.Rejected.Count;
        await Run.ScanStoreAsync(_reports.HasSeen, _reports.Add, ct);
        foreach (var (id, problem) in _reports.Rejected.Skip(rejected)) Log.ReportRejected(Node.Logger, Run.PlanId, round, id, problem);
        foreach (var (_, blob) in _reports.Unpinned(round, roster, pins))
        {
            bool start;
            lock (_fetching) start = blob is not null && !_reports.HasSeen(blob) && _fetching.Add(blob);
            if (start) _ = FetchPinnedAsync(BlobId.Parse(blob!), fetchUntil);
        }
    }

    /// <summary>Fetches a pinned report by its id; the wait that asked for it ends the attempt (it may be asked for again).</summary>
    private async Task FetchPinnedAsync(BlobId id, CancellationToken ct)
    {
        try
        {
            await Node.Network.FetchBlobAsync(id, ct);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_fetching) _fetching.Remove(id.ToString());
        }
    }

    /// <summary>Pins this node's report of <paramref name="round"/> on its own, when no commit carried it.</summary>
    private async Task PinAsync(int round, CancellationToken ct)
    {
        if (!_ownReports.TryGetValue(round, out var report) || Node.Chain.Read(s => Run.RoundOf(s, round)?.ReportPins.ContainsKey(Node.Me) ?? true)) return;
        try
        {
            await Node.Consortium.Ledger.PinAsync(Run.PlanId, (uint)round, report, ct);
        }
        catch (ContractRevertException e)
        {
            Log.ScoresRefused(Node.Logger, Run.PlanId, e.Message);
        }
    }
}
