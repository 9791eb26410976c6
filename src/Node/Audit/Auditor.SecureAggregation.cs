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

    /// <summary>Round 0: the moments; under secure aggregation also the plan's key and share blobs, each member's the pair its round-0 commit pinned, and U2 (the round's accepted committers with their pinned pair).</summary>
    private byte[] ApplyMoments(string id, TrainingPlan plan, PlanRecord record, AggregateTrack track, IReadOnlyList<AcceptedBlob> accepted)
    {
        if (plan.SecureAggregation is { Enabled: true })
        {
            _secAggPool = new SecAggPool(record.PlanHash, plan.Rounds, new PlanSlots(record.Participants));
            _secAggPool.AddFolder(blobsFolder);
            foreach (var (blob, member, problem) in _secAggPool.Rejected) Find(id, null, member, $"secure-aggregation blob {blob[..12]}: {problem}");
            _secAggPool.Pin(record.SecureAggregationPins);
            foreach (var member in accepted.Select(a => a.Member.ToLowerHex()).Where(m => record.SecureAggregationPins.ContainsKey(m) && !_secAggPool.HasPinnedPair(_secAggPool.Slots.SlotOf(m))))
                Find(id, 0, member, $"the key and share blobs its round-0 commit pinned ({Convert.ToHexStringLower(record.SecureAggregationPins[member])[..12]}) are not among the blobs");
            _secAggU2 = [.. accepted.Select(a => _secAggPool.Slots.SlotOf(a.Member.ToString())).Where(_secAggPool.HasPinnedPair)];
        }

        return track.ApplyMoments(accepted);
    }

    /// <summary>A training round's contributions: the plain updates, or under secure aggregation the survivors and their unmasked sum.</summary>
    private RoundContributions Contributions(string id, TrainingPlan plan, PlanRecord record, RoundRecord round, IReadOnlyList<AcceptedBlob> accepted)
    {
        if (plan.SecureAggregation is not { Enabled: true }) return RoundContributions.Plain(accepted, _tracks[record.PlanId].Pipeline, (int)round.Round);

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

        return RoundContributions.Unmasked(survivors, sum, plan, (int)round.Round);
    }
}
