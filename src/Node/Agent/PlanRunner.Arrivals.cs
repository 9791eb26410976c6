using FedChain.Contracts.Client;
using FedChain.Contracts.Ledger;

namespace FedChain.Node.Agent;

public sealed partial class PlanRunner
{
    /// <summary>The arrival window this node's last asynchronous commit landed in (0: none yet): it trains again once the loop has aggregated it.</summary>
    private int _landedIn;

    /// <summary>Whether <paramref name="round"/> is an arrival window of an asynchronous plan (its training rounds are; round 0 stays synchronous).</summary>
    private bool Arrivals(int round) => _run.Pipeline.Buffering is not null && round >= 1;

    /// <summary>Whether this node's update trained for <paramref name="trainedFor"/> is on-chain: committed in that round, or
    /// in an asynchronous plan in any window since (no later update was trained before it landed or was dropped).</summary>
    private bool Landed(int trainedFor) => !Arrivals(trainedFor)
        ? _run.Committed(trainedFor)
        : node.Chain.Read(s => s.Plans[planId].Rounds.Skip(trainedFor).Any(r => r.Commitments.Any(c => _run.IsMe(c.Member))));

    /// <summary>
    /// An asynchronous commit (FedBuff, Nguyen et al. 2022): the update trained for <c>commitment.Round</c> lands in
    /// whichever window is open now, carrying its vote on the aggregate it trained from only when that is the
    /// window's previous one. A commit that loses a race with the window's K-th is tried in the next; one staler
    /// than the plan allows is dropped, and the node trains again from the newest model.
    /// </summary>
    private async Task<Contribution> CommitArrivalAsync(RoundCommitment commitment, double trainingMs, PlanCheckpoint? next, CancellationToken ct)
    {
        var trainedFor = (int)commitment.Round;
        var maxStaleness = _run.Pipeline.Buffering!.Settings.MaxStaleness;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await OpenWindowAsync(ct) is not { } window) break;
            if (window - trainedFor > maxStaleness)
            {
                Log.CommitRefused(node.Logger, planId, window, $"the update trained for round {trainedFor} is {window - trainedFor} windows stale, above maxStaleness {maxStaleness}: not committed");
                _landedIn = window - 1;
                break;
            }

            try
            {
                await node.Consortium.Ledger.CommitAsync(commitment with { Round = (uint)window, AggregateVote = window == trainedFor ? commitment.AggregateVote : null }, ct);
                _landedIn = window;
                return new Contribution(trainingMs, node.NowMs(), next);
            }
            catch (ChainException e) when (e is not ChainUnavailableException)
            {
                // The window closed (its K-th commit, or its deadline) between reading it and committing, before the
                // estimate (a revert) or after it (mined as failed): wait for this node's view of the chain to move past it.
                Log.CommitRefused(node.Logger, planId, window, e.Message);
                await node.Chain.WaitAsync(s => s.Plans[planId] is var p && (p.CurrentRound > window || p.Status != PlanStatus.Running) ? p : null, ct);
            }
        }

        return new Contribution(trainingMs, null, next);
    }

    /// <summary>The window a commit sent now lands in: the open round, or the next when the open one's deadline has passed (the commit closes it); null once the plan stopped running.</summary>
    private async Task<int?> OpenWindowAsync(CancellationToken ct)
    {
        var (status, current, deadline) = node.Chain.Read(s => (s.Plans[planId].Status, (int)s.Plans[planId].CurrentRound, _run.RoundOf(s, (int)s.Plans[planId].CurrentRound)?.Deadline ?? 0));
        if (status != PlanStatus.Running) return null;
        return await node.Chain.ChainNowAsync(ct) >= (long)deadline ? current + 1 : current;
    }
}
