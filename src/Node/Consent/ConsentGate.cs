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
    private readonly Dictionary<BigInteger, Task<TrainingPlan?>> _documents = [];
    private readonly Dictionary<BigInteger, string> _said = [];

    /// <summary>The latest decision per plan (for the status page).</summary>
    public Dictionary<BigInteger, ConsentDecision> Decisions { get; } = [];

    /// <summary>True once this institution consents to <paramref name="planId"/>; false while its document is fetched, or while it awaits approval or is refused.</summary>
    public bool MayJoin(BigInteger planId, byte[] planHash, CancellationToken ct)
    {
        if (!_documents.TryGetValue(planId, out var document)) _documents[planId] = document = FetchAsync(planHash, ct);
        if (!document.IsCompleted) return false;
        if (document.Result is not { } plan) return true; // not a plan document: the runner refuses it and says why
        var decision = PlanConsent.Decide(plan, new ApprovalBook(node.Config.Resolve(node.Config.StateDirectory)).Find(plan.Hash), node.Config.Consent);
        Decisions[planId] = decision;
        if (!_said.TryGetValue(planId, out var said) || said != decision.Reason)
        {
            _said[planId] = decision.Reason;
            Log.PlanConsent(node.Logger, planId, decision.Status, decision.Reason);
            node.Status.Report(node.Line("consent") with { PlanId = planId.ToString(), Phase = decision.Status, Detail = decision.Reason });
        }

        return decision.Joins;
    }

    /// <summary>True when <paramref name="planId"/> was refused by a policy rule (so the node does not wait for it).</summary>
    public bool Refused(BigInteger planId) => Decisions.TryGetValue(planId, out var d) && d.Status == ConsentDecision.Refused;

    private async Task<TrainingPlan?> FetchAsync(byte[] planHash, CancellationToken ct)
    {
        await Task.Yield();
        var id = BlobId.FromBytes(planHash);
        await node.Network.FetchBlobAsync(id, ct);
        var bytes = await node.Network.ReadBlobAsync(id, ct);
        try
        {
            return TrainingPlan.Parse(System.Text.Encoding.UTF8.GetString(bytes), $"blob {id}");
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
