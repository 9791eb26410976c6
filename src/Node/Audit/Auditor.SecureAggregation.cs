using FedChain.Contracts.Events;
using FedChain.Learning.Plans;
using FedChain.Learning.SecureAggregation;
using FedChain.Node.Rounds;
using FedChain.Node.SecureRounds;

namespace FedChain.Node.Audit;

/// <summary>
/// The audit of secure-aggregation plans: each training round's sum is recomputed from the committed
/// masked blobs and the survivors' unmasking blobs in the folder (<see cref="MaskedSum"/>, the nodes'
/// own code), so the finalised hash is checked without any member's update in the clear. A
/// secure-aggregation blob that claims another member's slot is a finding naming its round and signer.
/// </summary>
public sealed partial class Auditor
{
    private SecAggPool? _secAggPool;
    private HashSet<int> _secAggU2 = [];

    /// <summary>One closed round of the track: moments, plain updates, or the unmasked sum under secure aggregation.</summary>
    private byte[] ApplyRound(string id, TrainingPlan plan, PlanRecord record, RoundRecord round, AggregateTrack track, IReadOnlyList<AcceptedBlob> accepted)
    {
        if (plan.SecureAggregation is not { Enabled: true })
            return round.Round == 0 ? track.ApplyMoments(accepted) : track.ApplyUpdates((int)round.Round, accepted);

        if (round.Round == 0)
        {
            _secAggPool = new SecAggPool(record.PlanHash, plan.Rounds, new PlanSlots(record.Participants));
            _secAggPool.AddFolder(blobsFolder);
            foreach (var (blob, member, problem) in _secAggPool.Rejected) Find(id, null, member, $"secure-aggregation blob {blob[..12]}: {problem}");
            _secAggU2 = [.. accepted.Select(a => _secAggPool.Slots.SlotOf(a.Member.ToString()))];
            return track.ApplyMoments(accepted);
        }

        var survivors = MaskedSum.Survivors(_secAggPool!.Slots, _secAggU2, accepted);
        uint[]? sum = null;
        try
        {
            sum = MaskedSum.Compute(plan, record.PlanHash, _secAggPool, (int)round.Round, _secAggU2, survivors);
        }
        catch (SecureAggregationException e)
        {
            // Fewer than t survivors on-chain: the round failed by the rule (the model stays), not a finding.
            // Missing answers: the nodes had them if the finalised hash moved, so the folder is incomplete.
            if (survivors.Count >= plan.SecureAggregation.Threshold)
                Find(id, (int)round.Round, null, $"the round cannot be unmasked from the blobs: {e.Message}");
        }

        return track.ApplyUnmaskedSum((int)round.Round, sum, survivors);
    }
}
