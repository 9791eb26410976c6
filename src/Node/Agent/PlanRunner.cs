using System.Numerics;
using FedChain.Contracts.Client;
using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Plans;
using FedChain.Learning.Training;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;

namespace FedChain.Node.Agent;

/// <summary>
/// Takes this node through one plan, driven by chain events: opt in, then for each round train,
/// publish the signed blob, commit its hash, wait for the chain to close the round, fetch every
/// committed blob, aggregate, evaluate; the next commit carries the vote on that aggregate.
/// Chain round 0 exchanges feature moments; rounds 1..R train (docs/node.md).
/// A restarted node runs the same loop: rounds it committed or missed are only re-aggregated.
/// </summary>
public sealed partial class PlanRunner(NodeContext node, BigInteger planId)
{
    private string PlanDirectory => Path.Combine(node.Config.Resolve(node.Config.StateDirectory), "plans", planId.ToString());

    private string CheckpointFile => Path.Combine(PlanDirectory, "checkpoint.json");

    public async Task RunAsync(CancellationToken ct)
    {
        var (planHash, totalRounds) = node.Chain.Read(s => (s.Plans[planId].PlanHash, s.Plans[planId].TotalRounds));
        var plan = await LoadPlanAsync(planHash, totalRounds, ct);
        if (plan is null) return;
        var site = LocalSite.Load(plan, node.Config.Site, node.Config.Resolve(node.Config.Data), node.Config.Mapping is { } mapping ? node.Config.Resolve(mapping) : null);
        Report("plan", detail: $"plan {Convert.ToHexStringLower(planHash)[..12]}: {site.Raw.Train.Count} train / {site.Raw.Test.Count} test rows");
        await Task.Run(() => PlanWarmup.Run(plan, site), ct);

        if (!await EnrolAsync(ct)) return;
        var members = node.Chain.Read(s => s.Plans[planId].Participants.Count);
        var track = new AggregateTrack(plan, members);
        var checkpoint = PlanCheckpoint.Load(CheckpointFile);
        var history = new List<RoundResult>();
        for (var round = 0; round < (int)totalRounds; round++)
        {
            var started = node.NowMs();
            var contribution = await ContributeIfDueAsync(plan, planHash, site, track, round, checkpoint, ct);
            if (contribution.Checkpoint is not null) checkpoint = contribution.Checkpoint;
            await WaitClosedAsync(round, ct);
            var accepted = await CollectAsync(plan, planHash, round, ct);
            await UnmaskIfSecureAsync(plan, planHash, round, accepted.Accepted, ct);
            await ReportUtilitiesAsync(plan, planHash, site, track, members, round, accepted.Accepted, ct);
            var result = Aggregate(plan, site, track, round, accepted.Accepted);
            var timing = new RoundTiming(started, contribution.TrainingMilliseconds, contribution.CommittedAt, node.NowMs(), accepted.Accepted.Count, accepted.Excluded);
            history.Add(result with { Timing = timing });
            Report("round", round, metrics: result.Metrics, modelHash: Convert.ToHexStringLower(track.Hash), timing: timing);
        }

        await VoteAggregateAloneAsync((int)totalRounds - 1, track.Hash, ct);
        await FinishScoresAsync(plan, ct);
        await FinishAsync(plan, track, history, ct);
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
        if (PrivacyRefusal(plan) is { } why) return Refuse(why);
        return plan;
    }

    private TrainingPlan? Refuse(string why)
    {
        Log.PlanRefused(node.Logger, planId, why);
        Report("error", detail: $"plan {planId} refused: {why}");
        return null;
    }

    /// <summary>Opts in while enrolling, then waits for the plan to run. False when this node is not in it.</summary>
    private async Task<bool> EnrolAsync(CancellationToken ct)
    {
        var (status, joined) = node.Chain.Read(s => (s.Plans[planId].Status, s.Plans[planId].Participants.Contains(node.Me)));
        if (status == PlanStatus.Enrolling && !joined)
        {
            Report("phase", phase: "opting in");
            try
            {
                await node.Consortium.Ledger.OptInAsync(planId, ct);
            }
            catch (ContractRevertException e)
            {
                Log.PlanRefused(node.Logger, planId, e.Message);
                return false;
            }
        }

        var plan = await node.Chain.WaitAsync(s => s.Plans[planId].Status != PlanStatus.Enrolling ? s.Plans[planId] : null, ct);
        return node.Chain.Read(_ => plan.Status is PlanStatus.Running or PlanStatus.Completed && plan.Participants.Contains(node.Me));
    }

    private void Report(string @event, int? round = null, string? phase = null, string? detail = null,
        Learning.Metrics.MetricSet? metrics = null, string? modelHash = null, RoundTiming? timing = null) =>
        node.Status.Report(node.Line(@event) with
        {
            PlanId = planId.ToString(),
            Round = round,
            Phase = phase,
            Detail = detail,
            Metrics = metrics,
            ModelHash = modelHash,
            Timing = timing,
        });

    private RoundRecord? RoundOf(LedgerState s, int round)
    {
        var plan = s.Plans[planId];
        return plan.Rounds.Count > round ? plan.Rounds[round] : null;
    }

    private static ClientState StateFor(PlanCheckpoint? checkpoint, bool committedThatRound) =>
        checkpoint is null ? ClientState.Initial : new ClientState(committedThatRound ? checkpoint.ControlAfter : checkpoint.ControlBefore, checkpoint.PrivacySpent);
}
