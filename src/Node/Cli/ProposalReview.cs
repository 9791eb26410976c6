using System.Globalization;
using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Learning.Plans;
using FedChain.Node.Blobs;
using FedChain.Node.Consent;
using FedChain.Node.Governance;
using FedChain.Node.Models;
using FedChain.Node.Plans;

namespace FedChain.Node.Cli;

/// <summary>
/// What `gov show` adds for a reviewer with a node: a start-plan's document in words and this
/// institution's consent to it; a release's evaluation report rebuilt from the pinned evaluations.
/// </summary>
internal static class ProposalReview
{
    public static async Task<IReadOnlyList<string>> LinesAsync(ProposalView view, CallerSession session, CancellationToken ct)
    {
        var lines = new List<string>();
        if (session.Config is not { } config)
        {
            if (view.Actions.Any(a => a.Kind is "start-plan" or "release")) lines.Add("  (give --config to review the plan document or the evaluation report from your node's store)");
            return lines;
        }

        foreach (var action in view.Actions)
        {
            if (action.Kind == "start-plan" && action.PlanHash is { } hash) lines.Add(StartPlan(config, hash));
            else if (action.Kind == "release" && action.PlanId is { } planId)
            {
                var ledger = await session.Consortium.ReplayLedgerAsync(ct);
                lines.Add(Release(ledger, BigInteger.Parse(planId, CultureInfo.InvariantCulture), config.BlobStoreFolder, action));
            }
        }

        return lines;
    }

    private static string StartPlan(Agent.NodeConfig config, string hash)
    {
        var bytes = ExportedBlobs.TryRead(config.BlobStoreFolder, hash);
        if (bytes is null) return $"  plan document {hash[..12]}: not in your node's store yet (your running node fetches it)";
        var plan = TrainingPlan.Parse(System.Text.Encoding.UTF8.GetString(bytes), $"blob {hash}");
        var decision = PlanConsent.Decide(plan, new ApprovalBook(config.Resolve(config.StateDirectory)).Find(hash), config.Consent);
        return $"{PlanDescription.Describe(plan)}\n  your institution: {decision.Status}: {decision.Reason}";
    }

    private static string Release(LedgerState ledger, BigInteger planId, string blobs, ProposalAction action)
    {
        if (!ledger.Plans.TryGetValue(planId, out var plan)) return $"  there is no plan {planId}";
        try
        {
            var candidate = ReleaseCandidate.From(plan, blobs);
            var matches = Convert.ToHexStringLower(candidate.Report.Hash()) == action.EvaluationReportHash && Convert.ToHexStringLower(candidate.ModelHash) == action.ModelHash;
            return $"  {(matches ? "checked: the model is the final aggregate and the report is" : "MISMATCH: the proposal names another model or report than")} what the pinned evaluations give:\n  {candidate.Describe()}";
        }
        catch (GovernanceRefusal e)
        {
            return $"  cannot check the release: {e.Message}";
        }
    }
}
