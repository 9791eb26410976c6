using FedChain.Learning.SecureAggregation.Crypto;
using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Learning.SecureAggregation;

public sealed partial class SecAggMember
{
    private HashSet<int> _u2 = [];

    /// <summary>
    /// Round 2: given U2 (the members whose shares the chain accepted) and the shares addressed to this
    /// member, returns y_u = x_u + PRG(b_u) + sum over neighbours v in U2 of (+PRG(s_uv) if u &lt; v,
    /// -PRG(s_uv) if u &gt; v), all mod 2^32. Pairwise masks cancel in the sum; the self-mask stops a
    /// late-arriving y_u of a member declared dropped from being unmasked by its pairwise keys alone.
    /// </summary>
    public MaskedInput MaskInput(ReadOnlySpan<uint> input, IReadOnlyCollection<int> u2, IReadOnlyCollection<EncryptedShare> received)
    {
        Expect(SecAggPhase.SharesSent, nameof(MaskInput));
        if (input.Length != _parameters.VectorLength)
            throw new ArgumentException($"slot {Slot}: the update has {input.Length} values, the round expects {_parameters.VectorLength}", nameof(input));
        _u2 = SecAggRoster.Subset(u2, _roster.Keys, Slot, _parameters.Threshold, "U2", "U1");
        AcceptShares(_u2, received);

        var masked = input.ToArray();
        MaskStream.Add(_selfMaskSeed, masked);
        foreach (var peer in _graph.NeighboursOf(Slot).Where(_u2.Contains))
        {
            var seed = KeyAgreement.Agree(_maskKeys.PrivateKey, _roster[peer].MaskKey, _parameters.RoundId, KeyAgreement.PairwiseMask, Slot, peer);
            if (Slot < peer) MaskStream.Add(seed, masked);
            else MaskStream.Subtract(seed, masked);
        }
        Phase = SecAggPhase.InputMasked;
        return new MaskedInput(Slot, masked);
    }
}
