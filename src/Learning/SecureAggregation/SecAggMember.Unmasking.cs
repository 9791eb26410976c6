using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Learning.SecureAggregation;

public sealed partial class SecAggMember
{
    private readonly Dictionary<int, RevealedSecret> _revealed = [];
    private UnmaskingShares? _answer;
    private HashSet<int> _u3 = [];

    /// <summary>
    /// Round 3: given U3 (the members whose masked input the chain recorded), reveals for each member
    /// whose shares this one holds either its self-mask seed share (survivor) or its mask-key share
    /// (dropped after sharing), never both. A member answers one U3 only: asked again with another set
    /// it refuses, since answering could hand out the other secret of a member and unmask its input.
    /// </summary>
    public UnmaskingShares Unmask(IReadOnlyCollection<int> u3)
    {
        if (_answered is { } answered && !answered.SetEquals(u3))
            throw new SecureAggregationException(
                $"slot {Slot} already answered for U3 = {{{string.Join(", ", answered.Order())}}}; answering for another set could reveal both masks of a member");
        if (Phase == SecAggPhase.Unmasked)
        {
            if (_u3.SetEquals(u3)) return _answer!;
            throw new SecureAggregationException(
                $"slot {Slot} already answered for U3 = {{{string.Join(", ", _u3.Order())}}}; answering for another set could reveal both masks of a member");
        }
        Expect(SecAggPhase.InputMasked, nameof(Unmask));
        var survivors = SecAggRoster.Subset(u3, _u2, Slot, _parameters.Threshold, "U3", "U2");

        var shares = new List<RevealedShare>();
        foreach (var (owner, held) in _heldShares.OrderBy(h => h.Key))
        {
            var secret = survivors.Contains(owner) ? RevealedSecret.SelfMaskSeed : RevealedSecret.MaskKey;
            if (_revealed.TryGetValue(owner, out var before) && before != secret)
                throw new SecureAggregationException($"slot {Slot} refuses to reveal a second secret of slot {owner}");
            _revealed[owner] = secret;
            shares.Add(new RevealedShare(owner, secret, secret == RevealedSecret.SelfMaskSeed ? held.Seed : held.MaskKey));
        }
        _u3 = survivors;
        _answered = [.. survivors];
        _answer = new UnmaskingShares(Slot, shares);
        Phase = SecAggPhase.Unmasked;
        return _answer;
    }
}
