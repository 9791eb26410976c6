using System.Numerics;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Plans;
using Microsoft.Extensions.Hosting;

namespace FedChain.Node.Agent;

/// <summary>
/// The node's main loop: follows the chain, offers its plan documents, and runs a
/// <see cref="PlanRunner"/> (an <see cref="Analyses.AnalysisRunner"/> for an analysis plan) for every
/// plan its institution is invited to. With
/// <paramref name="exitWhenDone"/> it stops the host once those plans are finished.
/// </summary>
public sealed class NodeAgent(NodeContext node, IHostApplicationLifetime lifetime, bool exitWhenDone) : BackgroundService
{
    private readonly Dictionary<BigInteger, Task> _runners = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var polling = node.Chain.RunAsync(stoppingToken);
        await PublishPlansAsync(stoppingToken);
        node.Status.Report(node.Line("ready") with { Endpoint = node.Network.ListenEndPoint?.ToString() });
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var planId in PlansToRun()) _runners[planId] = RunPlanAsync(planId, stoppingToken);
            if (exitWhenDone && _runners.Count > 0 && _runners.Values.All(t => t.IsCompleted))
            {
                lifetime.StopApplication();
                break;
            }

            await node.Chain.NextChangeAsync(TimeSpan.FromSeconds(1), stoppingToken);
        }

        await polling;
    }

    /// <summary>Plans that invite this institution, not cancelled, not finished here, not already running.</summary>
    private List<BigInteger> PlansToRun() => node.Chain.Read(s => s.Plans.Values
        .Where(p => p.Status != PlanStatus.Cancelled && (p.Invited.Contains(node.Me) || p.Participants.Contains(node.Me)))
        .Where(p => !_runners.ContainsKey(p.PlanId) && !File.Exists(ResultFile(p.PlanId)))
        .Select(p => p.PlanId)
        .ToList());

    private string ResultFile(BigInteger planId) => Path.Combine(node.Config.Resolve(node.Config.StateDirectory), "plans", planId.ToString(), "result.json");

    private async Task RunPlanAsync(BigInteger planId, CancellationToken ct)
    {
        await Task.Yield();
        Log.PlanJoined(node.Logger, planId);
        try
        {
            var analysis = node.Chain.Read(s => s.Plans[planId].Kind) == PlanKind.Analysis;
            await (analysis ? new Analyses.AnalysisRunner(node, planId).RunAsync(ct) : new PlanRunner(node, planId).RunAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Log.PlanFailed(node.Logger, planId, e);
            node.Status.Report(node.Line("error") with { PlanId = planId.ToString(), Detail = e.Message });
            Environment.ExitCode = 1;
        }
    }

    /// <summary>Offers each configured plan document as a blob; its id is the plan hash governance puts on-chain.</summary>
    private async Task PublishPlansAsync(CancellationToken ct)
    {
        foreach (var file in node.Config.PublishPlans.Select(node.Config.Resolve))
        {
            var bytes = await File.ReadAllBytesAsync(file, ct);
            if (Analyses.AnalysisDocument.IsAnalysisPlan(bytes))
            {
                Analyses.AnalysisDocument.ParseCanonical(bytes, file);
                Log.PlanPublished(node.Logger, (await node.Network.PublishBlobAsync(bytes, ct)).ToString(), file);
                continue;
            }

            var plan = TrainingPlan.Parse(System.Text.Encoding.UTF8.GetString(bytes), file);
            if (!bytes.AsSpan().SequenceEqual(plan.CanonicalBytes()))
                throw new InvalidDataException($"{file} is not in canonical form, so its hash would not be the plan hash {plan.Hash}; write it with TrainingPlan.CanonicalBytes (as `fedchain simulate --out` does)");
            var id = await node.Network.PublishBlobAsync(bytes, ct);
            Log.PlanPublished(node.Logger, id.ToString(), file);
        }
    }
}
