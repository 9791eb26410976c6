using System.Numerics;
using FedChain.Learning.Plans;
using FedChain.Node.Agent;
using FedChain.Node.Blobs;

namespace FedChain.Node.Consent;

/// <summary>
/// Stands between an invitation and the opt-in: fetches the invited plan's document, asks
/// <see cref="PlanConsent"/>, and says the outcome on the status lines once per change. The node
/// agent asks it each time the chain changes, so an approval given while the plan enrols counts at once.
/// </summary>
public sealed class ConsentGate(NodeContext node)
{
    private readonly Dictionary<BigInteger, Task<Func<PlanApproval?, ConsentPolicy?, ConsentDecision>?>> _documents = [];
    private readonly Dictionary<BigInteger, string> _said = [];

    /// <summary>The latest decision per plan (for the status page).</summary>
    public Dictionary<BigInteger, ConsentDecision> Decisions { get; } = [];

    /// <summary>True once this institution consents to <paramref name="planId"/>; false while its document is fetched, or while it awaits approval or is refused.</summary>
    public bool MayJoin(BigInteger planId, byte[] planHash, CancellationToken ct)
    {
        if (!_documents.TryGetValue(planId, out var document)) _documents[planId] = document = FetchAsync(planHash, ct);
        if (!document.IsCompleted) return false;
        if (document.Result is not { } decide) return true; // not a plan document: the runner refuses it and says why
        var decision = decide(new ApprovalBook(node.Config.Resolve(node.Config.StateDirectory)).Find(Convert.ToHexStringLower(planHash)), node.Config.Consent);
        Decisions[planId] = decision;
        if (!_said.TryGetValue(planId, out var said) || said != decision.Reason)
        {
            _said[planId] = decision.Reason;
            Log.PlanConsent(node.Logger, planId, decision.Status, decision.Reason);
            node.Status.Report(node.Line("consent") with { PlanId = planId.ToString(), Phase = decision.Status, Detail = decision.Reason });
        }

        return decision.Joins;
    }

    /// <summary>True while the document of a plan this institution was asked to join is still being fetched (its decision is still to come).</summary>
    public bool Fetching => _documents.Values.Any(d => !d.IsCompleted);

    /// <summary>True when <paramref name="planId"/> was refused by a policy rule (so the node does not wait for it).</summary>
    public bool Refused(BigInteger planId) => Decisions.TryGetValue(planId, out var d) && d.Status == ConsentDecision.Refused;

    /// <summary>Fetches the plan document and returns how to decide on it (training or analysis plan), or null when it is neither.</summary>
    private async Task<Func<PlanApproval?, ConsentPolicy?, ConsentDecision>?> FetchAsync(byte[] planHash, CancellationToken ct)
    {
        await Task.Yield();
        var id = BlobId.FromBytes(planHash);
        await node.Network.FetchBlobAsync(id, ct);
        var bytes = await node.Network.ReadBlobAsync(id, ct);
        try
        {
            if (Analyses.AnalysisDocument.IsAnalysisPlan(bytes))
            {
                var analysis = Analyses.AnalysisDocument.Parse(bytes, $"blob {id}");
                return (approval, policy) => PlanConsent.Decide(analysis, approval, policy);
            }

            var plan = TrainingPlan.Parse(System.Text.Encoding.UTF8.GetString(bytes), $"blob {id}");
            return (approval, policy) => PlanConsent.Decide(plan, approval, policy);
        }
        catch (ArgumentException) // AnalysisPlanException too
        {
            return null;
        }
    }
}
