using System.Numerics;
using FedChain.Learning.Metrics;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Plans;
using FedChain.Learning.Training;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;
using FedChain.Node.Rounds.Availability;

namespace FedChain.Node.Agent;

/// <summary>
/// Takes this node through one plan, driven by chain events: opt in, then for each round train,
/// publish the signed blob, commit its hash, wait for the chain to close the round, fetch every
/// committed blob, aggregate, evaluate; the next commit carries the vote on that aggregate.
/// Chain round 0 exchanges feature moments; rounds 1..R train (docs/node.md). This is the core loop
/// only: the plan's round maths is its <see cref="RoundPipeline"/>, and privacy budgets, secure
/// aggregation and scores are <see cref="PlanFeature"/>s called at named hooks.
/// A restarted node runs the same loop: rounds it committed or missed are only re-aggregated.
/// </summary>
public sealed partial class PlanRunner(NodeContext node, BigInteger planId)
{
    private PlanRun _run = null!;
    private IReadOnlyList<PlanFeature> _features = [];
    private RoundAvailability _availability = null!;

    private string CheckpointFile => Path.Combine(_run.Directory, "checkpoint.json");

    public async Task RunAsync(CancellationToken ct)
    {
        var (planHash, totalRounds) = node.Chain.Read(s => (s.Plans[planId].PlanHash, s.Plans[planId].TotalRounds));
        var plan = await LoadPlanAsync(planHash, totalRounds, ct);
        if (plan is null) return;
        var site = LocalSite.Load(plan, node.Config.Source);
        _run = new PlanRun(node, planId, plan, planHash, RoundPipeline.For(plan), site);
        _features = PlanFeatures.For(_run);
        foreach (var feature in _features)
        {
            if (await feature.RefusalAsync(ct) is not { } refused) continue;
            Refuse(refused);
            return;
        }

        _run.Report("plan", detail: $"plan {Convert.ToHexStringLower(planHash)[..12]}: {site.Raw.Train.Count} train / {site.Raw.Test.Count} test rows");
        await Task.Run(() => PlanWarmup.Run(_run.Pipeline, site), ct);

        if (!await EnrolAsync(ct)) return;
        while (true)
        {
            try
            {
                await RunRoundsAsync((int)totalRounds, ct);
                return;
            }
            catch (LateExclusionException e)
            {
                // As after a restart: committed rounds are only re-aggregated, now with the chain's sets.
                Log.ReplayingAfterLateExclusion(node.Logger, planId, e.Message);
                _run.Report("phase", e.Round, phase: "replaying", detail: e.Message);
                _features = PlanFeatures.For(_run);
            }
        }
    }

    private async Task RunRoundsAsync(int totalRounds, CancellationToken ct)
    {
        _availability = new RoundAvailability(_run, _features);
        var track = new AggregateTrack(_run.Plan, node.Chain.Read(s => s.Plans[planId].Participants.Count));
        var checkpoint = PlanCheckpoint.Load(CheckpointFile);
        var history = new List<RoundResult>();
        for (var round = 0; round < totalRounds; round++)
        {
            var started = node.NowMs();
            var contribution = await ContributeIfDueAsync(track, round, checkpoint, ct);
            if (contribution.Checkpoint is not null) checkpoint = contribution.Checkpoint;
            await WaitClosedAsync(round, ct);
            var set = await CollectAsync(round, ct);
            var result = round == 0 ? AggregateMoments(track, set.Accepted) : await AggregateAsync(track, round, set.Accepted, ct);
            var timing = new RoundTiming(started, contribution.TrainingMilliseconds, contribution.CommittedAt, node.NowMs(), set.Accepted.Count, set.Excluded);
            history.Add(result with { Timing = timing });
            _run.Report("round", round, metrics: result.Metrics, modelHash: result.AggregateHash, timing: timing, traffic: _run.Traffic());
        }

        await VoteAggregateAloneAsync(totalRounds - 1, track.Hash, ct);
        foreach (var feature in _features) await feature.FinishAsync(ct);
        await FinishAsync(track, history, ct);
    }

    /// <summary>The plan document is the blob whose id is the plan hash on-chain.</summary>
    private async Task<TrainingPlan?> LoadPlanAsync(byte[] planHash, uint totalRounds, CancellationToken ct)
    {
        var id = BlobId.FromBytes(planHash);
        Report("phase", phase: "fetching plan");
        await node.Network.FetchBlobAsync(id, ct);
        var bytes = await node.Network.ReadBlobAsync(id, ct);
        TrainingPlan plan;
        try
        {
            plan = TrainingPlan.Parse(System.Text.Encoding.UTF8.GetString(bytes), $"blob {id}");
        }
        catch (ArgumentException e)
        {
            return Refuse($"the plan document is not valid: {e.Message}");
        }

        var localSchema = Learning.Data.Schema.DatasetSchema.Load(node.Config.Resolve(node.Config.Schema));
        if (plan.Schema.Hash != localSchema.Hash) return Refuse($"the plan's schema {plan.Schema.Hash[..12]} is not this node's schema {localSchema.Hash[..12]} ({node.Config.Schema})");
        if (plan.Rounds + 1 != totalRounds) return Refuse($"the plan trains {plan.Rounds} rounds but the chain schedules {totalRounds} (expected rounds + 1: round 0 exchanges moments)");
        if (plan.StartFrom is not { } from) return plan;
        if (node.Chain.Read(s => StartingModel.Refusal(s, from)) is { } unreleased) return Refuse(unreleased);
        Report("phase", phase: $"fetching plan {from.PlanId}'s released model");
        return plan.WithStartingModel(await StartingModel.LoadAsync(node, from, ct));
    }

    private TrainingPlan? Refuse(string why)
    {
        Log.PlanRefused(node.Logger, planId, why);
        Report("error", detail: $"plan {planId} refused: {why}");
        return null;
    }

    /// <summary>Opts in while enrolling, then waits for the plan to run. False when this node is not in it.</summary>
    private Task<bool> EnrolAsync(CancellationToken ct) => _run.Chain.EnrolAsync(ct);

    private RoundResult AggregateMoments(AggregateTrack track, IReadOnlyList<AcceptedBlob> accepted)
    {
        track.ApplyMoments(accepted);
        _run.Site.Normalise(_run.Plan.Normalisation, track.PooledMoments);
        foreach (var feature in _features) feature.MomentsCollected(accepted);
        return new RoundResult(0, Convert.ToHexStringLower(track.Hash), null);
    }

    /// <summary>Unmasking (when a feature masks), scoring, the server rule, evaluation on this site's test rows.</summary>
    private async Task<RoundResult> AggregateAsync(AggregateTrack track, int round, IReadOnlyList<AcceptedBlob> accepted, CancellationToken ct)
    {
        var contributions = _run.Pipeline.SeesIndividualUpdates ? RoundContributions.Plain(accepted, _run.Pipeline, round) : RoundContributions.Unmasked(accepted, null, _run.Plan, round);
        foreach (var feature in _features) contributions = await feature.CombineAsync(round, accepted, contributions, ct);
        var inputs = track.InputsFor(round, contributions);
        foreach (var feature in _features) await feature.AggregatingAsync(inputs, contributions, ct);
        track.Apply(inputs);
        var metrics = Evaluation.Evaluate(_run.Plan, track.Global, _run.Site.Scaled!.Test);
        var result = new RoundResult(round, Convert.ToHexStringLower(track.Hash), metrics);
        foreach (var feature in _features) result = feature.RoundAggregated(result, track);
        return result;
    }

    private void Report(string @event, int? round = null, string? phase = null, string? detail = null) =>
        node.Status.Report(node.Line(@event) with { PlanId = planId.ToString(), Round = round, Phase = phase, Detail = detail });

    private static ClientState StateFor(PlanCheckpoint? checkpoint, bool committedThatRound) =>
        checkpoint is null ? ClientState.Initial : checkpoint.State(committedThatRound);
}
