using FedChain.Learning.Plans;
using FedChain.Learning.SecureAggregation;
using FedChain.Learning.SecureAggregation.Messages;
using FedChain.Node.Rounds;

namespace FedChain.Node.SecureRounds;

/// <summary>
/// Unmasks one training round of a secure-aggregation plan from public data only: the chain's sets
/// (U2 = round-0 committers, U3 = the round's accepted masked blobs from U2) and the pool's keys and
/// unmasking answers. Nodes and the auditor run this same code, so they get the same bits:
/// sum over U3 of the masked vectors mod 2^32 minus the reconstructed masks (<see cref="SecureSum"/>), over the
/// committed words (random-k's k values when the plan compresses).
/// </summary>
public static class MaskedSum
{
    /// <summary>The members of U3: accepted masked blobs whose member is in U2 (others cannot be unmasked).</summary>
    public static IReadOnlyList<AcceptedBlob> Survivors(PlanSlots slots, IReadOnlySet<int> u2, IReadOnlyList<AcceptedBlob> accepted) =>
        [.. accepted.Where(a => u2.Contains(slots.SlotOf(a.Member.ToString())))];

    /// <summary>The parameters of training round <paramref name="round"/>.</summary>
    public static SecAggParameters Parameters(TrainingPlan plan, byte[] planHash, PlanSlots slots, int round) =>
        plan.SecureAggregation!.ForRound(PlanSlots.RoundId(planHash, round), slots.Count, plan.WireLength);

    /// <summary>The unmasked sum over <paramref name="survivors"/>, or <see cref="SecureAggregationException"/> (fewer than t survivors or answers).</summary>
    /// <param name="maskedSum">Sharded aggregation: the survivors' masked words already summed (their blobs hold shard lists); null: sum the blobs.</param>
    public static uint[] Compute(TrainingPlan plan, byte[] planHash, SecAggPool pool, int round, IReadOnlySet<int> u2, IReadOnlyList<AcceptedBlob> survivors, uint[]? maskedSum = null)
    {
        var parameters = Parameters(plan, planHash, pool.Slots, round);
        if (maskedSum is not null)
        {
            var slots = survivors.Select(a => pool.Slots.SlotOf(a.Member.ToString())).ToList();
            if (slots.Count < parameters.Threshold)
                throw new SecureAggregationException($"round {round}: {slots.Count} masked update(s) survived, below the threshold {parameters.Threshold}");
            return SecureSum.ComputeFromSum(parameters, pool.KeysFor(round), [.. u2], slots, maskedSum, pool.Answers(round, slots));
        }

        var masked = survivors.Select(a => new MaskedInput(pool.Slots.SlotOf(a.Member.ToString()), EnvelopeBodies.ReadUpdate(a.Envelope.Body, plan.WireLength))).ToList();
        if (masked.Count < parameters.Threshold)
            throw new SecureAggregationException($"round {round}: {masked.Count} masked update(s) survived, below the threshold {parameters.Threshold}");
        var answers = pool.Answers(round, masked.Select(m => m.Slot));
        return SecureSum.Compute(parameters, pool.KeysFor(round), [.. u2], masked, answers);
    }
}
