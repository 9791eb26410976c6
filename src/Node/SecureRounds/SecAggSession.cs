using FedChain.Learning.Plans;
using FedChain.Learning.SecureAggregation;
using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Node.SecureRounds;

/// <summary>
/// This node's secret side of a secure-aggregation plan: one <see cref="SecAggMember"/> per training
/// (or analysis) round, so every round masks with fresh keys and seeds (Bonawitz et al. 2017, §4: keys are per
/// round), all advertised and shared once in round 0. A training plan's state is kept encrypted on disk
/// (<see cref="SecAggSecrets"/>) before anything depending on it leaves the node, so a restarted node
/// rejoins the plan: it masks the rounds it has not committed and answers for the ones it has. An analysis
/// plan's secrets live in memory only (docs/privacy.md, "Secure aggregation in the node").
/// </summary>
public sealed class SecAggSession : IDisposable
{
    private readonly SecAggMember[] _members;

    private SecAggSession(int slot, SecAggMember[] members)
    {
        Slot = slot;
        _members = members;
    }

    /// <summary>One member per masked round with fresh keys and seeds: round r masks with <paramref name="rounds"/>[r - 1] (an analysis plan passes its 64-bit rounds).</summary>
    public SecAggSession(IReadOnlyList<SecAggParameters> rounds, int slot)
        : this(slot, [.. rounds.Select(p => new SecAggMember(p, slot))])
    {
    }

    public int Slot { get; }

    /// <summary>Whether the shares of round 0 were made (they are then in the secrets, and were or will be published).</summary>
    public bool Shared => _members[0].Phase >= SecAggPhase.SharesSent;

    /// <summary>Fresh keys and seeds for every training round.</summary>
    public static SecAggSession Start(TrainingPlan plan, byte[] planHash, PlanSlots slots, int slot) =>
        new([.. Enumerable.Range(1, plan.Rounds).Select(r => MaskedSum.Parameters(plan, planHash, slots, r))], slot);

    /// <summary>The session as <paramref name="secrets"/> left it.</summary>
    public static SecAggSession Restore(TrainingPlan plan, byte[] planHash, PlanSlots slots, SecAggSecrets secrets)
    {
        if (secrets.Rounds.Count != plan.Rounds) throw new InvalidDataException($"the secure-aggregation secrets hold {secrets.Rounds.Count} rounds, the plan trains {plan.Rounds}");
        return new(secrets.Slot, [.. secrets.Rounds.Select((state, i) => SecAggMember.Restore(MaskedSum.Parameters(plan, planHash, slots, i + 1), state))]);
    }

    /// <summary>What to keep on disk now, with the key and share blobs this node published (or is about to).</summary>
    public SecAggSecrets Secrets(byte[]? keysBlob, byte[]? sharesBlob) => new(Slot, [.. _members.Select(m => m.Export())], keysBlob, sharesBlob);

    /// <summary>Round 0, step 1: the fresh public keys of every training round.</summary>
    public IReadOnlyList<KeyAdvertisement> Advertise() => [.. _members.Select(m => m.AdvertiseKeys())];

    /// <summary>Round 0, step 2: given every participant's keys (U1), the encrypted shares of every training round.</summary>
    public IReadOnlyList<IReadOnlyList<EncryptedShare>> Share(SecAggPool pool) =>
        [.. _members.Select((m, i) => m.ShareKeys(pool.KeysFor(i + 1)))];

    /// <summary>Training round r: masks the quantised update with U2 (the round-0 committers) and the shares they sent this member.</summary>
    public uint[] Mask(int round, uint[] quantised, IReadOnlySet<int> u2, SecAggPool pool) =>
        _members[round - 1].MaskInput(quantised, [.. u2], pool.SharesTo(round, Slot, u2)).Values;

    /// <summary>A round this member masked before a restart (its masked blob is in the chain's set): takes U2 and its shares back, so it can answer.</summary>
    public void Rejoin(int round, IReadOnlySet<int> u2, SecAggPool pool) =>
        _members[round - 1].Rejoin([.. u2], pool.SharesTo(round, Slot, u2));

    /// <summary>Analysis round r: masks the 64-bit statistics (Z_2^64) with U2 and the shares they sent this member.</summary>
    public ulong[] Mask64(int round, ulong[] statistics, IReadOnlySet<int> u2, SecAggPool pool) =>
        _members[round - 1].MaskInput64(statistics, [.. u2], pool.SharesTo(round, Slot, u2)).Values;

    /// <summary>After round r closed: this member's answer for U3 (one U3 only, across restarts too; never both secrets of a member).</summary>
    public UnmaskingShares Unmask(int round, IReadOnlyCollection<int> u3) => _members[round - 1].Unmask(u3);

    /// <summary>Whether this session masked round r (so it may answer its unmasking).</summary>
    public bool Masked(int round) => _members[round - 1].Phase is SecAggPhase.InputMasked or SecAggPhase.Unmasked;

    public void Dispose()
    {
        foreach (var member in _members) member.Dispose();
    }
}
