using System.Numerics;
using FedChain.Contracts.Ledger;
using FedChain.Node.Consent;
using FedChain.Node.Plans;
using Microsoft.Extensions.Hosting;

namespace FedChain.Node.Agent;

/// <summary>
/// The node's main loop: follows the chain, offers its plan documents, fetches the documents of
/// proposed plans for review, and runs a <see cref="PlanRunner"/> (an <see cref="Analyses.AnalysisRunner"/>
/// for an analysis plan) for every plan its institution is invited to and consents to
/// (<see cref="ConsentGate"/>). With
/// <paramref name="exitWhenDone"/> it stops the host once those plans are finished.
/// </summary>
public sealed class NodeAgent(NodeContext node, IHostApplicationLifetime lifetime, bool exitWhenDone) : BackgroundService
{
    private readonly Dictionary<BigInteger, Task> _runners = [];
    private readonly OfferedPlans _offered = new(node.Config);
    private readonly ProposedPlans _proposed = new(node.Network, node.Consortium.Addresses.TrainingLedger, node.Logger);

    /// <summary>Whether this institution joins each plan it is invited to (the status page shows it).</summary>
    public ConsentGate Consent { get; } = new(node);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var polling = node.Chain.RunAsync(stoppingToken);
        await PublishPlansAsync(stoppingToken);
        node.Status.Report(node.Line("ready") with { Endpoint = node.Network.ListenEndPoint?.ToString() });
        while (!stoppingToken.IsCancellationRequested)
        {
            await PublishPlansAsync(stoppingToken);
            node.Chain.Read(s =>
            {
                _proposed.Follow(s, stoppingToken);
                return 0;
            });
            foreach (var planId in PlansToRun(stoppingToken)) _runners[planId] = RunPlanAsync(planId, stoppingToken);
            // Not while an invitation's document is still on its way: that plan may yet run here.
            if (exitWhenDone && _runners.Count > 0 && _runners.Values.All(t => t.IsCompleted) && !Consent.Fetching)
            {
                lifetime.StopApplication();
                break;
            }

            await node.Chain.NextChangeAsync(TimeSpan.FromSeconds(1), stoppingToken);
        }

        await polling;
    }

    /// <summary>
    /// Plans that invite this institution, not cancelled, not finished here, not already running; one
    /// still enrolling that this node has not joined runs only once the institution consents.
    /// </summary>
    private List<BigInteger> PlansToRun(CancellationToken ct) => node.Chain.Read(s => s.Plans.Values
        .Where(p => p.Status != PlanStatus.Cancelled && (p.Invited.Contains(node.Me) || p.Participants.Contains(node.Me)))
        .Where(p => !_runners.ContainsKey(p.PlanId) && !File.Exists(ResultFile(p.PlanId)))
        .Select(p => (p.PlanId, p.PlanHash, Asks: p.Status == PlanStatus.Enrolling && !p.Participants.Contains(node.Me)))
        .ToList())
        .Where(p => !p.Asks || Consent.MayJoin(p.PlanId, p.PlanHash, ct))
        .Select(p => p.PlanId)
        .ToList();

    private string ResultFile(BigInteger planId) => Path.Combine(node.Config.Resolve(node.Config.StateDirectory), "plans", planId.ToString(), "result.json");

    /// <summary>Runs the plan until it ends here, or until governance cancels it on-chain: then it stops where it is.</summary>
    private async Task RunPlanAsync(BigInteger planId, CancellationToken ct)
    {
        await Task.Yield();
        Log.PlanJoined(node.Logger, planId);
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = WatchCancellationAsync(planId, cancelled);
        try
        {
            var analysis = node.Chain.Read(s => s.Plans[planId].Kind) == PlanKind.Analysis;
            await (analysis ? new Analyses.AnalysisRunner(node, planId).RunAsync(cancelled.Token) : new PlanRunner(node, planId).RunAsync(cancelled.Token));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception) when (!ct.IsCancellationRequested && (cancelled.IsCancellationRequested || IsCancelled(planId)))
        {
            // A commit that reverted because the plan was cancelled counts as the cancellation too.
            Log.PlanCancelled(node.Logger, planId);
            node.Status.Report(node.Line("cancelled") with { PlanId = planId.ToString(), Detail = $"governance cancelled plan {planId} on-chain; this node stopped its work on it" });
        }
        catch (Exception e)
        {
            Log.PlanFailed(node.Logger, planId, e);
            node.Status.Report(node.Line("error") with { PlanId = planId.ToString(), Detail = e.Message });
            Environment.ExitCode = 1;
        }
        finally
        {
            await cancelled.CancelAsync();
            await watch;
        }
    }

    private bool IsCancelled(BigInteger planId) => node.Chain.Read(s => s.Plans[planId].Status == PlanStatus.Cancelled);

    /// <summary>Cancels <paramref name="run"/> once the chain shows the plan cancelled; returns when either happens.</summary>
    private async Task WatchCancellationAsync(BigInteger planId, CancellationTokenSource run)
    {
        try
        {
            await node.Chain.WaitAsync(s => s.Plans[planId].Status == PlanStatus.Cancelled ? s.Plans[planId] : null, run.Token);
            await run.CancelAsync();
        }
        catch (OperationCanceledException)
        {
            // the plan ended first
        }
    }

    /// <summary>Offers each plan document not offered yet as a blob; its id is the plan hash governance puts on-chain.</summary>
    private async Task PublishPlansAsync(CancellationToken ct)
    {
        foreach (var (file, hash) in await _offered.PublishNewAsync(node.Network, ct)) Log.PlanPublished(node.Logger, hash, file);
    }
}
