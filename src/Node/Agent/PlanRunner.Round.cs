using System.Diagnostics;
using FedChain.Contracts.Client;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Metrics;
using FedChain.Learning.Plans;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;

namespace FedChain.Node.Agent;

public sealed partial class PlanRunner
{
    private sealed record Contribution(double TrainingMilliseconds, long? CommittedAt, PlanCheckpoint? Checkpoint);

    /// <summary>Trains and commits round <paramref name="round"/> unless this node already committed it
    /// (before a crash) or its deadline has passed.</summary>
    private async Task<Contribution> ContributeIfDueAsync(TrainingPlan plan, byte[] planHash, LocalSite site, AggregateTrack track, int round, PlanCheckpoint? checkpoint, CancellationToken ct)
    {
        var opened = await node.Chain.WaitAsync(s => RoundOf(s, round) is { OpenedAt: > 0 } r ? r : null, ct);
        if (Committed(round) || await node.Chain.ChainNowAsync(ct) >= (long)opened.Deadline) return new Contribution(0, null, null);

        Report("phase", round, phase: round == 0 ? "sharing moments" : "training");
        // The score vote concerns an earlier round: work it out while this round trains.
        var scoresVote = ScoresVoteAsync(plan, round, ct);
        var watch = Stopwatch.StartNew();
        byte[] blob;
        ulong samples;
        ulong epsilon = 0;
        PlanCheckpoint? next = null;
        if (round == 0)
        {
            samples = (ulong)site.Raw.Train.Count;
            blob = BlobEnvelope.Seal(node.Key, EnvelopeKind.Moments, planHash, 0, samples, EnvelopeBodies.Moments(site.Name, site.Moments()));
            if (!await ExchangeSecAggKeysAsync(plan, planHash, ct)) return new Contribution(watch.Elapsed.TotalMilliseconds, null, null);
        }
        else
        {
            var state = StateFor(checkpoint, checkpoint is not null && Committed(checkpoint.Round));
            if (TrainRound(plan, track, site, round, state) is not { } update)
            {
                // No commit to carry this member's vote on the previous aggregate: it votes on its own.
                await VoteAggregateAloneAsync(round - 1, track.Hash, ct);
                await scoresVote;
                await VoteScoresWithoutCommitAsync(plan, round, ct);
                return new Contribution(watch.Elapsed.TotalMilliseconds, null, null);
            }

            var quantised = RoundAggregation.Quantise(plan, update, round, site.Name, out _);
            samples = (ulong)update.SampleCount;
            if (await SealUpdateAsync(plan, planHash, round, samples, quantised, ct) is not { } sealedUpdate)
            {
                await VoteAggregateAloneAsync(round - 1, track.Hash, ct);
                return new Contribution(watch.Elapsed.TotalMilliseconds, null, null);
            }

            blob = sealedUpdate;
            epsilon = EpsilonToCommit(update);
            next = new PlanCheckpoint(round, state.Control, update.State.Control, update.State.PrivacySpent);
            next.Save(CheckpointFile);
        }

        var trainingMs = watch.Elapsed.TotalMilliseconds;
        var id = await node.Network.PublishBlobAsync(blob, ct);
        Report("phase", round, phase: "committing");
        try
        {
            await node.Consortium.Ledger.CommitAsync(new RoundCommitment(planId, (uint)round, id.ToBytes(),
                samples, epsilon, round == 0 ? null : track.Hash, await scoresVote), ct);
        }
        catch (ContractRevertException e)
        {
            // Too late (the round closed while we trained) or already committed: the round goes on without this commit.
            Log.CommitRefused(node.Logger, planId, round, e.Message);
            return new Contribution(trainingMs, null, next);
        }

        return new Contribution(trainingMs, node.NowMs(), next);
    }

    /// <summary>Waits for the chain to close the round; past its deadline, asks the chain to close it.</summary>
    private async Task WaitClosedAsync(int round, CancellationToken ct)
    {
        Report("phase", round, phase: "waiting for commits");
        while (!node.Chain.Read(s => RoundOf(s, round)?.Closed ?? false))
        {
            var deadline = node.Chain.Read(s => RoundOf(s, round)?.Deadline ?? ulong.MaxValue);
            if (deadline != ulong.MaxValue && await node.Chain.ChainNowAsync(ct) > (long)deadline)
            {
                try
                {
                    await node.Consortium.Ledger.AdvanceAsync(planId, ct);
                    Log.AdvancedPastDeadline(node.Logger, planId, round);
                }
                catch (ContractRevertException)
                {
                    // Another member advanced first, or the chain's clock is not there yet.
                }
            }

            await node.Chain.NextChangeAsync(TimeSpan.FromSeconds(1), ct);
        }
    }

    /// <summary>Fetches and checks every blob the chain says was committed in the round.</summary>
    private async Task<(IReadOnlyList<AcceptedBlob> Accepted, int Excluded)> CollectAsync(TrainingPlan plan, byte[] planHash, int round, CancellationToken ct)
    {
        Report("phase", round, phase: "fetching updates");
        var commitments = node.Chain.Read(s => RoundOf(s, round)!.Commitments.ToList());
        var blobs = await Task.WhenAll(commitments.Select(c => FetchAsync(BlobId.FromBytes(c.BlobHash), round, ct)));
        var accepted = new List<AcceptedBlob>();
        for (var i = 0; i < commitments.Count; i++)
        {
            var blob = CommitmentCheck.Check(plan, planHash, commitments[i], blobs[i], out var problem);
            if (blob is null) Log.BlobExcluded(node.Logger, planId, round, commitments[i].Member, problem!);
            else accepted.Add(blob);
        }

        return (accepted, commitments.Count - accepted.Count);
    }

    private async Task<byte[]> FetchAsync(BlobId id, int round, CancellationToken ct)
    {
        var fetch = node.Network.FetchBlobAsync(id, ct);
        var warning = TimeSpan.FromSeconds(node.Config.BlobWaitWarningSeconds);
        while (await Task.WhenAny(fetch, Task.Delay(warning, node.Time, ct)) != fetch) Log.BlobStillMissing(node.Logger, planId, round, id.ToString());
        await fetch;
        return await node.Network.ReadBlobAsync(id, ct);
    }

    private RoundResult Aggregate(TrainingPlan plan, LocalSite site, AggregateTrack track, int round, IReadOnlyList<AcceptedBlob> accepted)
    {
        if (round == 0)
        {
            track.ApplyMoments(accepted);
            site.Normalise(plan.Normalisation, track.PooledMoments);
            return new RoundResult(0, Convert.ToHexStringLower(track.Hash), null);
        }

        ApplyTrainingRound(plan, track, round, accepted);
        var metrics = Evaluation.Evaluate(plan, track.Global, site.Scaled!.Test);
        return new RoundResult(round, Convert.ToHexStringLower(track.Hash), metrics);
    }

    /// <summary>Votes an aggregate in a transaction of its own, when no commit of the next round carries the
    /// vote: after the last round, or when this member cannot commit (budget spent, no masking keys).</summary>
    private async Task VoteAggregateAloneAsync(int round, byte[] hash, CancellationToken ct)
    {
        var voted = node.Chain.Read(s => RoundOf(s, round)!.AggregateVotes.Any(v => Same(v.Voter)));
        if (voted || !node.Chain.Read(s => s.Plans[planId].Participants.Contains(node.Me))) return;
        try
        {
            await node.Consortium.Ledger.VoteAggregateAsync(planId, (uint)round, hash, ct);
        }
        catch (ContractRevertException e)
        {
            Log.CommitRefused(node.Logger, planId, round, e.Message);
        }
    }

    private bool Committed(int round) => node.Chain.Read(s => RoundOf(s, round)?.Commitments.Any(c => Same(c.Member)) ?? false);

    private bool Same(string address) => string.Equals(address, node.Me, StringComparison.OrdinalIgnoreCase);
}
