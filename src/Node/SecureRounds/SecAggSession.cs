using FedChain.Learning.Plans;
using FedChain.Learning.SecureAggregation;
using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Node.SecureRounds;

/// <summary>
/// This node's secret side of a secure-aggregation plan: one <see cref="SecAggMember"/> per training
/// (or analysis) round, so every round masks with fresh keys and seeds (Bonawitz et al. 2017, §4: keys are per
/// round), all advertised and shared once in round 0. The secrets live in memory only: a restarted node
/// cannot mask or answer again (docs/privacy.md, "Secure aggregation in the node").
/// </summary>
public sealed class SecAggSession : IDisposable
{
    private readonly SecAggMember[] _members;

    public SecAggSession(TrainingPlan plan, byte[] planHash, PlanSlots slots, int slot)
        : this([.. Enumerable.Range(1, plan.Rounds).Select(r => MaskedSum.Parameters(plan, planHash, slots, r))], slot)
    {
    }

    /// <summary>One member per masked round: round r masks with <paramref name="rounds"/>[r - 1] (an analysis plan passes its 64-bit rounds).</summary>
    public SecAggSession(IReadOnlyList<SecAggParameters> rounds, int slot)
    {
        Slot = slot;
        _members = [.. rounds.Select(p => new SecAggMember(p, slot))];
    }

    public int Slot { get; }

    /// <summary>Round 0, step 1: the fresh public keys of every training round.</summary>
    public IReadOnlyList<KeyAdvertisement> Advertise() => [.. _members.Select(m => m.AdvertiseKeys())];

    /// <summary>Round 0, step 2: given every participant's keys (U1), the encrypted shares of every training round.</summary>
    public IReadOnlyList<IReadOnlyList<EncryptedShare>> Share(SecAggPool pool) =>
        [.. _members.Select((m, i) => m.ShareKeys(pool.KeysFor(i + 1)))];

    /// <summary>Training round r: masks the quantised update with U2 (the round-0 committers) and the shares they sent this member.</summary>
    public uint[] Mask(int round, uint[] quantised, IReadOnlySet<int> u2, SecAggPool pool) =>
        _members[round - 1].MaskInput(quantised, [.. u2], pool.SharesTo(round, Slot, u2)).Values;

    /// <summary>Analysis round r: masks the 64-bit statistics (Z_2^64) with U2 and the shares they sent this member.</summary>
    public ulong[] Mask64(int round, ulong[] statistics, IReadOnlySet<int> u2, SecAggPool pool) =>
        _members[round - 1].MaskInput64(statistics, [.. u2], pool.SharesTo(round, Slot, u2)).Values;

    /// <summary>After round r closed: this member's answer for U3 (one U3 only; never both secrets of a member).</summary>
    public UnmaskingShares Unmask(int round, IReadOnlyCollection<int> u3) => _members[round - 1].Unmask(u3);

    /// <summary>Whether this session masked round r (so it may answer its unmasking).</summary>
    public bool Masked(int round) => _members[round - 1].Phase is SecAggPhase.InputMasked or SecAggPhase.Unmasked;

    public void Dispose()
    {
        foreach (var member in _members) member.Dispose();
    }
}
