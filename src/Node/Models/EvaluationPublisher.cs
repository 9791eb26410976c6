using System.Numerics;
using FedChain.Contracts.Client;
using FedChain.Learning.Metrics;
using FedChain.Node.Agent;

namespace FedChain.Node.Models;

/// <summary>
/// When a plan finishes: seals this member's evaluation of the final model on its own test rows as a
/// signed blob, offers it to the network, and pins its hash on-chain (once per member), so that a
/// release's evaluation report is built from what the members themselves measured. Then it gathers
/// the pinned evaluations of the members that committed the last round (waiting at most a commit
/// window, and never more than a minute), so that this node's store, and the blobs it exports for
/// auditors, hold the whole report; a member that dropped out earlier is not waited for.
/// </summary>
internal static class EvaluationPublisher
{
    public static async Task PublishAsync(NodeContext node, BigInteger planId, string planHash, uint lastRound, string modelHash, MetricSet? metrics, CancellationToken ct)
    {
        await PinOwnAsync(node, planId, planHash, lastRound, modelHash, metrics, ct);
        await GatherAsync(node, planId, ct);
    }

    private static async Task PinOwnAsync(NodeContext node, BigInteger planId, string planHash, uint lastRound, string modelHash, MetricSet? metrics, CancellationToken ct)
    {
        if (metrics is null) return;
        var evaluation = new SiteEvaluation(planId.ToString(System.Globalization.CultureInfo.InvariantCulture), planHash, node.Me, node.Config.Site, modelHash, metrics);
        var blob = EvaluationBlob.Seal(node.Key, Convert.FromHexString(planHash), lastRound, evaluation);
        var id = await node.Network.PublishBlobAsync(blob, ct);
        try
        {
            await node.Consortium.Ledger.PinEvaluationAsync(planId, id.ToBytes(), ct);
            Log.EvaluationPinned(node.Logger, planId, id.ToString());
        }
        catch (ContractRevertException e) when (e.ErrorName == "EvaluationAlreadyPinned")
        {
            // Pinned before a restart: the chain keeps the first.
        }
        catch (ChainException e)
        {
            Log.EvaluationNotPinned(node.Logger, planId, e.Message);
        }
    }

    private static async Task GatherAsync(NodeContext node, BigInteger planId, CancellationToken ct)
    {
        var window = node.Chain.Read(s => s.Plans[planId].CommitWindow);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(window, 10, 60)));
        try
        {
            var pins = await node.Chain.WaitAsync(s =>
            {
                var plan = s.Plans[planId];
                var finishers = plan.Rounds.Count == 0 ? [] : plan.Rounds[^1].Commitments.Select(c => c.Member.ToLowerInvariant()).ToList();
                return finishers.All(plan.Evaluations.ContainsKey) ? plan.Evaluations.Values.ToList() : null;
            }, timeout.Token);
            foreach (var pin in pins) await node.Network.FetchBlobAsync(Blobs.BlobId.FromBytes(pin), timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Log.EvaluationsIncomplete(node.Logger, planId);
        }
    }
}
