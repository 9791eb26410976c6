using FedChain.Learning.SecureAggregation.Crypto;
using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Learning.SecureAggregation;

public sealed partial class SecAggMember
{
    private SecAggMember(SecAggParameters parameters, int slot, MaskingGraph? graph, SecAggKeyPair encryptionKeys, SecAggKeyPair maskKeys)
        : this(parameters, slot, graph)
    {
        _encryptionKeys.Dispose();
        _maskKeys.Dispose();
        _encryptionKeys = encryptionKeys;
        _maskKeys = maskKeys;
    }

    /// <summary>Everything a restarted member needs to go on from where it is (see <see cref="SecAggMemberState"/>).</summary>
    public SecAggMemberState Export()
    {
        if (Phase == SecAggPhase.Created) throw new InvalidOperationException($"slot {Slot}: nothing to keep before the keys are advertised");
        var shared = Phase >= SecAggPhase.SharesSent;
        return new SecAggMemberState(
            Slot,
            _encryptionKeys.SecretBytes(),
            _maskKeys.SecretBytes(),
            shared ? [.. _selfMaskSeed] : null,
            shared ? [.. _heldShares[Slot].MaskKey] : null,
            shared ? [.. _heldShares[Slot].Seed] : null,
            shared ? [.. _roster.Values.OrderBy(a => a.Slot)] : null,
            _answered is null ? null : [.. _answered.Order()]);
    }

    /// <summary>
    /// A member from <paramref name="state"/>: advertised (it then shares as if it had not restarted), or, once
    /// it shared, ready to mask (<see cref="MaskInput"/>) or, for a round it masked before the restart, to
    /// <see cref="Rejoin"/> and answer. A member that answered keeps refusing any other U3.
    /// </summary>
    public static SecAggMember Restore(SecAggParameters parameters, SecAggMemberState state, MaskingGraph? graph = null)
    {
        var member = new SecAggMember(parameters, state.Slot, graph, SecAggKeyPair.FromSecret(state.EncryptionSecret), SecAggKeyPair.FromSecret(state.MaskSecret))
        {
            Phase = SecAggPhase.KeysAdvertised,
            _answered = state.AnsweredU3?.ToHashSet(),
        };
        if (state.SelfMaskSeed is null) return member;
        if (state.Roster is null || state.OwnMaskKeyShare is null || state.OwnSeedShare is null)
            throw new ArgumentException($"slot {state.Slot}: a shared state needs its roster and own shares", nameof(state));
        foreach (var advertisement in state.Roster) member._roster[advertisement.Slot] = advertisement;
        member._selfMaskSeed = [.. state.SelfMaskSeed];
        member._heldShares[state.Slot] = ([.. state.OwnMaskKeyShare], [.. state.OwnSeedShare]);
        member.Phase = SecAggPhase.SharesSent;
        return member;
    }

    /// <summary>
    /// A restored member whose masked input for the round is already out: takes U2 and the shares addressed to
    /// it as <see cref="MaskInput"/> would, without masking again, so it can <see cref="Unmask"/>.
    /// </summary>
    public void Rejoin(IReadOnlyCollection<int> u2, IReadOnlyCollection<EncryptedShare> received)
    {
        Expect(SecAggPhase.SharesSent, nameof(Rejoin));
        _u2 = SecAggRoster.Subset(u2, _roster.Keys, Slot, _parameters.Threshold, "U2", "U1");
        AcceptShares(_u2, received);
        Phase = SecAggPhase.InputMasked;
    }
}
