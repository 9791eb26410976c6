using System.Security.Cryptography;
using FedChain.Learning.SecureAggregation.Crypto;
using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Learning.SecureAggregation;

public sealed partial class SecAggMember
{
    private readonly Dictionary<int, KeyAdvertisement> _roster = [];
    private readonly Dictionary<int, (byte[] MaskKey, byte[] Seed)> _heldShares = [];
    private byte[] _selfMaskSeed = [];

    /// <summary>
    /// Round 1: given U1 (the advertisements the chain accepted), draws the self-mask seed b_u and
    /// Shamir-shares it and the mask key s_u^SK t-of-holders among this member and its neighbours in U1;
    /// returns each neighbour's shares encrypted for it. This member keeps its own share.
    /// </summary>
    public IReadOnlyList<EncryptedShare> ShareKeys(IReadOnlyCollection<KeyAdvertisement> advertised)
    {
        Expect(SecAggPhase.KeysAdvertised, nameof(ShareKeys));
        SecAggRoster.Validate(_parameters, advertised);
        foreach (var advertisement in advertised) _roster[advertisement.Slot] = advertisement;
        if (!_roster.TryGetValue(Slot, out var mine) || !mine.MaskKey.AsSpan().SequenceEqual(_maskKeys.PublicKey)
            || !mine.EncryptionKey.AsSpan().SequenceEqual(_encryptionKeys.PublicKey))
            throw new SecureAggregationException($"slot {Slot}: U1 does not hold this member's own advertised keys");

        var holders = _graph.NeighboursOf(Slot).Where(_roster.ContainsKey).Append(Slot).Order().ToArray();
        if (holders.Length < _parameters.Threshold)
            throw new SecureAggregationException(
                $"slot {Slot}: only {holders.Length} of its share holders advertised keys, below the threshold {_parameters.Threshold}");

        _selfMaskSeed = RandomNumberGenerator.GetBytes(32);
        var maskKeyShares = ShamirSecretSharing.Split(_maskKeys.SecretBytes(), holders, _parameters.Threshold);
        var seedShares = ShamirSecretSharing.Split(_selfMaskSeed, holders, _parameters.Threshold);
        _heldShares[Slot] = (maskKeyShares[Slot], seedShares[Slot]);

        var envelopes = new List<EncryptedShare>();
        foreach (var holder in holders.Where(h => h != Slot))
        {
            var key = EncryptionKeyWith(holder);
            envelopes.Add(ShareEnvelope.Seal(key, _parameters.RoundId, Slot, holder, maskKeyShares[holder], seedShares[holder]));
        }
        Phase = SecAggPhase.SharesSent;
        return envelopes;
    }

    private byte[] EncryptionKeyWith(int peer) =>
        KeyAgreement.Agree(_encryptionKeys.PrivateKey, _roster[peer].EncryptionKey, _parameters.RoundId, KeyAgreement.ShareEncryption, Slot, peer);

    // Decrypts and keeps the shares addressed to this member; each must come from a neighbour in U2.
    private void AcceptShares(IReadOnlySet<int> u2, IReadOnlyCollection<EncryptedShare> received)
    {
        foreach (var share in received)
        {
            if (share.To != Slot)
                throw new SecureAggregationException($"slot {Slot} was handed a share addressed to slot {share.To}");
            if (!u2.Contains(share.From) || !_graph.NeighboursOf(Slot).Contains(share.From))
                throw new SecureAggregationException($"slot {Slot} was handed a share from slot {share.From}, which is not a neighbour in U2");
            _heldShares[share.From] = ShareEnvelope.Open(EncryptionKeyWith(share.From), _parameters.RoundId, share);
        }
        var missing = u2.Where(v => v != Slot && _graph.NeighboursOf(Slot).Contains(v) && !_heldShares.ContainsKey(v)).Order().ToArray();
        if (missing.Length > 0)
            throw new SecureAggregationException($"slot {Slot} holds no share from slot(s) {string.Join(", ", missing)} of U2");
    }
}
