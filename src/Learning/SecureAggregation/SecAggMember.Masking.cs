using System.Numerics;
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
        if (_parameters.VectorLength is not { } length)
            throw new InvalidOperationException($"slot {Slot}: 32-bit masking needs the round's vector length in its parameters");
        if (input.Length != length)
            throw new ArgumentException($"slot {Slot}: the update has {input.Length} values, the round expects {length}", nameof(input));
        return new MaskedInput(Slot, Mask(input, u2, received, MaskStream.Add, MaskStream.Subtract));
    }

    /// <summary>
    /// Round 2 of the 64-bit variant (Z_2^64, analysis statistics): the same masks, the PRG's key stream
    /// read as 64-bit words. The vector's length is the round's public one (it may change from round
    /// to round, so the parameters need not fix it; when they do, it must match).
    /// </summary>
    public MaskedInput64 MaskInput64(ReadOnlySpan<ulong> input, IReadOnlyCollection<int> u2, IReadOnlyCollection<EncryptedShare> received)
    {
        if (input.Length == 0 || (_parameters.VectorLength is { } length && input.Length != length))
            throw new ArgumentException($"slot {Slot}: the vector has {input.Length} values, the round expects {_parameters.VectorLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "at least 1"}", nameof(input));
        return new MaskedInput64(Slot, Mask(input, u2, received, MaskStream.Add, MaskStream.Subtract));
    }

    private delegate void MaskOperation<T>(ReadOnlySpan<byte> seed, Span<T> target);

    private T[] Mask<T>(ReadOnlySpan<T> input, IReadOnlyCollection<int> u2, IReadOnlyCollection<EncryptedShare> received, MaskOperation<T> add, MaskOperation<T> subtract)
        where T : unmanaged, IBinaryInteger<T>
    {
        Expect(SecAggPhase.SharesSent, nameof(MaskInput));
        _u2 = SecAggRoster.Subset(u2, _roster.Keys, Slot, _parameters.Threshold, "U2", "U1");
        AcceptShares(_u2, received);

        var masked = input.ToArray();
        add(_selfMaskSeed, masked);
        foreach (var peer in _graph.NeighboursOf(Slot).Where(_u2.Contains))
        {
            var seed = KeyAgreement.Agree(_maskKeys.PrivateKey, _roster[peer].MaskKey, _parameters.RoundId, KeyAgreement.PairwiseMask, Slot, peer);
            if (Slot < peer) add(seed, masked);
            else subtract(seed, masked);
        }
        Phase = SecAggPhase.InputMasked;
        return masked;
    }
}
