using System.Text.Json;
using FedChain.Contracts.Client;
using FedChain.Contracts.Events;
using FedChain.Node.Agent;

namespace FedChain.Node.Contributions;

public sealed partial class ScoresFeature
{
    /// <summary>After the last round: votes the rounds no commit carried, records the agreed vectors
    /// (<see cref="Recorder"/>, or anyone once that took too long), checks the record, writes scores.json.</summary>
    public override async Task FinishAsync(CancellationToken ct)
    {
        if (_rosters.Count == 0) return;
        Run.Report("phase", phase: "scores");
        var (lag, last) = Node.Chain.Read(s => ((int)(s.Plans[Run.PlanId].Terms?.ScoresLag ?? 1), (int)s.Plans[Run.PlanId].TotalRounds - 1));
        // No commit follows the last round (nor a round whose next commit did not land): those reports are pinned on their own.
        foreach (var round in _ownReports.Keys.Order()) await PinAsync(round, ct);
        foreach (var round in _rosters.Keys.Order()) await ScoresOfAsync(round, Run.BlobWait, ct);
        for (var round = Math.Max(1, last - lag + 1); round <= last; round++) await VoteScoresAsync(round, ct);

        var rounds = _scored.Keys.Order().ToList();
        await WaitChainAsync(s => rounds.All(r => Run.RoundOf(s, r)?.AgreedScores is not null), "agreement on every round's scores", ct);
        var recorder = Node.Chain.Read(s => Recorder(s, last));
        if (Run.IsMe(recorder ?? "")) await RecordAgreedAsync(ct);
        bool Recorded(LedgerState s) => rounds.All(r => Run.RoundOf(s, r) is not { AgreedScores: not null, RecordedScores: null });
        if (!await WaitChainAsync(Recorded, "the recording of the agreed scores", ct))
        {
            // The recorder is gone: anyone may record an agreed vector. Others may do so at the same moment
            // (ours then reverts), so wait for the chain to show the record before checking it.
            await RecordAgreedAsync(ct);
            await WaitChainAsync(Recorded, "the recording of the agreed scores", ct);
        }

        await WriteScoresAsync(rounds, ct);
    }

    /// <summary>
    /// Who records: the lowest address among the last round's committers, a member still running at the
    /// end (a participant that dropped out earlier would make the others wait out the fallback); the
    /// lowest participant when nobody committed the last round.
    /// </summary>
    private string? Recorder(LedgerState s, int last)
    {
        var committed = Run.RoundOf(s, last)?.Commitments.Select(c => c.Member.ToLowerInvariant()).ToList() ?? [];
        return (committed.Count > 0 ? committed : [.. s.Plans[Run.PlanId].Participants]).Min(StringComparer.Ordinal);
    }

    private async Task VoteScoresAsync(int round, CancellationToken ct)
    {
        if (!_scored.TryGetValue(round, out var scored) || Node.Chain.Read(s => Run.RoundOf(s, round)?.ScoresVotes.Any(v => Run.IsMe(v.Voter)) ?? true)) return;
        try
        {
            await Node.Consortium.Ledger.VoteScoresAsync(Run.PlanId, (uint)round, scored.Vector!.Hash(), ct);
        }
        catch (ContractRevertException e)
        {
            Log.ScoresRefused(Node.Logger, Run.PlanId, e.Message);
        }
    }

    /// <summary>Records, in batches of up to four consecutive rounds, every agreed vector that equals ours and is not recorded yet.</summary>
    private async Task RecordAgreedAsync(CancellationToken ct)
    {
        var due = Node.Chain.Read(s => _scored.Values
            .Where(x => Run.RoundOf(s, x.Round) is { AgreedScores: { } agreed, RecordedScores: null } && Convert.ToHexStringLower(agreed) == x.VectorHash)
            .Select(x => x.Vector!).ToList());
        foreach (var batch in ChainScores.Batches(due))
        {
            try
            {
                await Node.Consortium.Ledger.RecordScoresAsync(batch, ct);
                Log.ScoresRecorded(Node.Logger, Run.PlanId, (int)batch[0].Round, (int)batch[^1].Round);
            }
            catch (ContractRevertException e)
            {
                Log.ScoresRefused(Node.Logger, Run.PlanId, e.Message);
            }
        }
    }

    /// <summary>Waits at most <see cref="PlanRun.BlobWait"/> for <paramref name="condition"/>; false when it timed out.</summary>
    private async Task<bool> WaitChainAsync(Func<LedgerState, bool> condition, string what, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(Run.BlobWait);
        try
        {
            await Node.Chain.WaitAsync(s => condition(s) ? s : null, bounded.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Log.ScoresWaitTimedOut(Node.Logger, Run.PlanId, what, Run.BlobWait.TotalSeconds);
            return false;
        }
    }

    private async Task WriteScoresAsync(IReadOnlyList<int> rounds, CancellationToken ct)
    {
        var recorded = new List<int>();
        var different = new List<int>();
        foreach (var round in rounds)
        {
            var onChain = Node.Chain.Read(s => Run.RoundOf(s, round)?.RecordedScores);
            var same = onChain is not null && Convert.ToHexStringLower(onChain.Hash()) == _scored[round].VectorHash;
            (same ? recorded : different).Add(round);
            if (!same) Log.ScoresDiffer(Node.Logger, Run.PlanId, round, onChain is null ? "not recorded" : $"recorded {Convert.ToHexStringLower(onChain.Hash())[..12]}, ours {_scored[round].VectorHash[..12]}");
        }

        var rate = Node.Chain.Read(s => ChainScores.RewardPerScore(s.Plans[Run.PlanId]));
        var file = new NodeScores(Run.PlanId.ToString(), Node.Me, "micro", rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [.. rounds.Select(r => _scored[r])], recorded, different);
        Directory.CreateDirectory(Run.Directory);
        await File.WriteAllTextAsync(Path.Combine(Run.Directory, "scores.json"), JsonSerializer.Serialize(file, StatusReporter.Json), ct);
        Run.Report("phase", phase: "scores", detail: $"{recorded.Count} of {rounds.Count} rounds recorded as we scored them");
    }
}
