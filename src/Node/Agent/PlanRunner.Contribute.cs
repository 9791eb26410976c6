using System.Diagnostics;
using FedChain.Contracts.Client;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Training;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;

namespace FedChain.Node.Agent;

public sealed partial class PlanRunner
{
    private sealed record Contribution(double TrainingMilliseconds, long? CommittedAt, PlanCheckpoint? Checkpoint);

    /// <summary>Trains and commits round <paramref name="round"/> unless this node already committed it
    /// (before a crash) or its deadline has passed. In an asynchronous plan's training rounds the deadline
    /// does not matter: the node trains once the loop has aggregated the window its last commit landed in,
    /// and commits into whichever window is open then (<see cref="CommitArrivalAsync"/>).</summary>
    private async Task<Contribution> ContributeIfDueAsync(AggregateTrack track, int round, PlanCheckpoint? checkpoint, CancellationToken ct)
    {
        var opened = await node.Chain.WaitAsync(s => _run.RoundOf(s, round) is { OpenedAt: > 0 } r ? r : null, ct);
        var arrival = Arrivals(round);
        if (_run.Committed(round)) return new Contribution(0, null, null);
        if (arrival ? _landedIn >= round : await node.Chain.ChainNowAsync(ct) >= (long)opened.Deadline)
        {
            // Too late to commit (the last aggregation waited on a fault, or a restart): the vote the commit would carry goes alone.
            if (!arrival && round > 0) await VoteAggregateAloneAsync(round - 1, track.Hash, ct);
            return new Contribution(0, null, null);
        }

        _run.Report("phase", round, phase: round == 0 ? "sharing moments" : "training");
        foreach (var feature in _features) feature.RoundOpened(round, ct);
        var watch = Stopwatch.StartNew();
        byte[] blob;
        ulong samples;
        ClientUpdate? update = null;
        PlanCheckpoint? next = null;
        if (round == 0)
        {
            samples = (ulong)_run.Site.Raw.Train.Count;
            blob = BlobEnvelope.Seal(node.Key, EnvelopeKind.Moments, _run.PlanHash, 0, samples, EnvelopeBodies.Moments(_run.Site.Name, _run.Site.Moments()));
            foreach (var feature in _features)
            {
                if (!await feature.BeforeMomentsAsync(ct)) return new Contribution(watch.Elapsed.TotalMilliseconds, null, null);
            }
        }
        else
        {
            var state = StateFor(checkpoint, checkpoint is not null && Landed(checkpoint.Round));
            if (Train(track, round, state) is not { } trained || await ProtectAsync(round, trained, ct) is not { } sealedUpdate)
            {
                await NotCommittingAsync(track, round, ct);
                return new Contribution(watch.Elapsed.TotalMilliseconds, null, null);
            }

            (update, blob, samples) = (trained, sealedUpdate.Blob, (ulong)trained.SampleCount);
            next = PlanCheckpoint.Of(round, state, sealedUpdate.State);
            next.Save(CheckpointFile);
            // Tests' and benches' slow site: its training takes TrainingSlowdown times as long.
            if (node.Config.TrainingSlowdown > 1) await Task.Delay(watch.Elapsed * (node.Config.TrainingSlowdown - 1), node.Time, ct);
        }

        var trainingMs = watch.Elapsed.TotalMilliseconds;
        // Tests' fault injection: a dropout here, the round's work done and nothing of it sent, as SIGKILL would leave it.
        if (node.Config.CrashBeforeCommittingRound == round) Process.GetCurrentProcess().Kill();
        var id = _features.All(f => f.Publishes(round)) ? await node.Network.PublishBlobAsync(blob, ct) : BlobId.Compute(blob);
        _run.Report("phase", round, phase: "committing");
        var commitment = new RoundCommitment(planId, (uint)round, id.ToBytes(), samples, round == 0 ? null : track.Hash, null);
        foreach (var feature in _features) commitment = await feature.CommitmentAsync(round, commitment, update, ct);
        if (arrival) return await CommitArrivalAsync(commitment, trainingMs, next, ct);
        try
        {
            await node.Consortium.Ledger.CommitAsync(commitment, ct);
        }
        catch (ContractRevertException e)
        {
            // Too late (the round closed while we trained, e.g. the last aggregation waited on a fault) or already committed: the
            // round goes on without this commit, and the vote it carried goes alone, or the last round's aggregate is never agreed.
            Log.CommitRefused(node.Logger, planId, round, e.Message);
            if (round > 0) await VoteAggregateAloneAsync(round - 1, track.Hash, ct);
            return new Contribution(trainingMs, null, next);
        }

        return new Contribution(trainingMs, node.NowMs(), next);
    }

    /// <summary>
    /// Local training through the pipeline, wrapped by each feature in turn (the first added is the
    /// outermost); null when one refuses the round (a spent privacy budget): the node then neither
    /// trains nor commits, and still aggregates the others.
    /// </summary>
    private ClientUpdate? Train(AggregateTrack track, int round, ClientState state)
    {
        Func<ClientUpdate?> train = () => _run.Pipeline.Train(track.Global, track.Server, _run.Site.Scaled!.Train, round, state, noise: null);
        foreach (var feature in _features.Reverse())
        {
            var inner = train;
            train = () => feature.Train(round, state, inner);
        }

        return train();
    }

    /// <summary>
    /// Quantisation and compression, then each feature's protection (masking) and body (shards): the sealed blob and the
    /// state the member carries on (compression's residual), or null when a feature says not to commit.
    /// </summary>
    private async Task<(byte[] Blob, ClientState State)?> ProtectAsync(int round, ClientUpdate update, CancellationToken ct)
    {
        var encoded = _run.Pipeline.Encode(update, round, _run.Site.Name);
        (EnvelopeKind Kind, uint[] Values)? body = (EnvelopeKind.Update, encoded.Words);
        foreach (var feature in _features)
        {
            body = await feature.ProtectAsync(round, body.Value.Kind, body.Value.Values, ct);
            if (body is null) return null;
        }

        var sealedBody = EnvelopeBodies.Update(body.Value.Values);
        foreach (var feature in _features) sealedBody = await feature.PublishBodyAsync(round, body.Value.Values, sealedBody, ct);
        return (BlobEnvelope.Seal(node.Key, body.Value.Kind, _run.PlanHash, (uint)round, (ulong)update.SampleCount, sealedBody), encoded.State);
    }

    /// <summary>No commit will carry this member's votes: it casts them on their own, so the rounds still reach agreement.</summary>
    private async Task NotCommittingAsync(AggregateTrack track, int round, CancellationToken ct)
    {
        await VoteAggregateAloneAsync(round - 1, track.Hash, ct);
        foreach (var feature in _features) await feature.NotCommittingAsync(round, ct);
    }
}
