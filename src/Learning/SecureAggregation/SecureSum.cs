using System.Numerics;
using FedChain.Learning.SecureAggregation.Crypto;
using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Learning.SecureAggregation;

/// <summary>
/// Unmasks the sum of a round (Bonawitz et al. 2017, Fig. 4, server side of round 3). Any node can
/// run it: it takes only what the chain and gossip make public (U1's keys, U2, the masked inputs of
/// U3 and the survivors' unmasking shares) and returns sum over U3 of x_u mod 2^32 (model updates),
/// or mod 2^64 (<see cref="Compute64"/>, analysis statistics), bit for bit.
/// </summary>
public static class SecureSum
{
    /// <summary>
    /// The unmasked sum, or <see cref="SecureAggregationException"/> when fewer than t members
    /// survived or some secret has fewer than t shares among the responses.
    /// </summary>
    public static uint[] Compute(
        SecAggParameters parameters,
        IReadOnlyCollection<KeyAdvertisement> u1,
        IReadOnlyCollection<int> u2,
        IReadOnlyCollection<MaskedInput> maskedInputs,
        IReadOnlyCollection<UnmaskingShares> responses,
        MaskingGraph? graph = null)
    {
        var length = parameters.VectorLength ?? throw new ArgumentException("32-bit unmasking needs the round's vector length in its parameters", nameof(parameters));
        return Compute(parameters, u1, u2, [.. maskedInputs.Select(m => (m.Slot, m.Values))], responses, graph, length, MaskStream.Add, MaskStream.Subtract);
    }

    /// <summary>
    /// The 64-bit variant: sum over U3 of x_u mod 2^64, for vectors of <paramref name="vectorLength"/>
    /// words (the round's public length; analyses change it from round to round).
    /// </summary>
    public static ulong[] Compute64(
        SecAggParameters parameters,
        IReadOnlyCollection<KeyAdvertisement> u1,
        IReadOnlyCollection<int> u2,
        IReadOnlyCollection<MaskedInput64> maskedInputs,
        IReadOnlyCollection<UnmaskingShares> responses,
        int vectorLength,
        MaskingGraph? graph = null)
    {
        if (vectorLength < 1 || (parameters.VectorLength is { } fixedLength && fixedLength != vectorLength))
            throw new ArgumentOutOfRangeException(nameof(vectorLength), vectorLength, "the round's vector length must be at least 1 and match its parameters");
        return Compute(parameters, u1, u2, [.. maskedInputs.Select(m => (m.Slot, m.Values))], responses, graph, vectorLength, MaskStream.Add, MaskStream.Subtract);
    }

    /// <summary>
    /// As <see cref="Compute"/>, from the masked inputs already summed mod 2^32 over <paramref name="u3"/> (sharded
    /// aggregation gives only the sum): the masks are removed from it the same way, so the same bits come out.
    /// </summary>
    public static uint[] ComputeFromSum(
        SecAggParameters parameters,
        IReadOnlyCollection<KeyAdvertisement> u1,
        IReadOnlyCollection<int> u2,
        IReadOnlyCollection<int> u3,
        uint[] maskedSum,
        IReadOnlyCollection<UnmaskingShares> responses)
    {
        var length = parameters.VectorLength ?? throw new ArgumentException("32-bit unmasking needs the round's vector length in its parameters", nameof(parameters));
        if (maskedSum.Length != length) throw new SecureAggregationException($"the masked sum has {maskedSum.Length} values, the round expects {length}");
        // The masks cancel in any grouping of the inputs: one input holding the sum and zero vectors for the others
        // unmasks to the same bits as the inputs themselves.
        var slots = u3.Distinct().Order().ToList();
        if (slots.Count != u3.Count) throw new SecureAggregationException("U3 holds a member twice");
        var zero = new uint[length];
        List<(int Slot, uint[] Values)> inputs = [.. slots.Select((slot, i) => (slot, i == 0 ? maskedSum : zero))];
        return Compute(parameters, u1, u2, inputs, responses, null, length, MaskStream.Add, MaskStream.Subtract);
    }

    private delegate void MaskOperation<T>(ReadOnlySpan<byte> seed, Span<T> target);

    private static T[] Compute<T>(
        SecAggParameters parameters,
        IReadOnlyCollection<KeyAdvertisement> u1,
        IReadOnlyCollection<int> u2,
        IReadOnlyList<(int Slot, T[] Values)> maskedInputs,
        IReadOnlyCollection<UnmaskingShares> responses,
        MaskingGraph? graph,
        int length,
        MaskOperation<T> add,
        MaskOperation<T> subtract)
        where T : unmanaged, IBinaryInteger<T>
    {
        parameters.Validate();
        graph ??= new MaskingGraph(parameters);
        SecAggRoster.Validate(parameters, u1);
        var roster = u1.ToDictionary(a => a.Slot);
        var dropoutSet = SecAggRoster.Subset(u2, roster.Keys, null, parameters.Threshold, "U2", "U1");
        var u3 = SecAggRoster.Subset([.. maskedInputs.Select(m => m.Slot)], dropoutSet, null, parameters.Threshold, "U3", "U2");
        if (u3.Count != maskedInputs.Count) throw new SecureAggregationException("U3 holds a member's masked input twice");
        var responders = SecAggRoster.Subset([.. responses.Select(r => r.From)], u3, null, parameters.Threshold, "the unmasking responses", "U3");
        if (responders.Count != responses.Count) throw new SecureAggregationException("a member answered the unmasking round twice");
        dropoutSet.ExceptWith(u3);

        var sum = new T[length];
        foreach (var (slot, values) in maskedInputs)
        {
            if (values.Length != sum.Length)
                throw new SecureAggregationException($"slot {slot}'s masked input has {values.Length} values, the round expects {sum.Length}");
            RingVectors.Add<T>(sum, values);
        }

        foreach (var survivor in u3.Order())
            subtract(Reconstruct(parameters, responses, survivor, RevealedSecret.SelfMaskSeed), sum);

        foreach (var dropped in dropoutSet.Order())
        {
            using var maskKeys = SecAggKeyPair.FromSecret(Reconstruct(parameters, responses, dropped, RevealedSecret.MaskKey));
            if (!maskKeys.PublicKey.AsSpan().SequenceEqual(roster[dropped].MaskKey))
                throw new SecureAggregationException($"the shares of slot {dropped}'s mask key rebuild a key that is not the one it advertised");
            // Survivor u added +PRG(s_uv) if u < v and -PRG(s_uv) if u > v; take that back out.
            foreach (var survivor in graph.NeighboursOf(dropped).Where(u3.Contains))
            {
                var seed = KeyAgreement.Agree(maskKeys.PrivateKey, roster[survivor].MaskKey, parameters.RoundId, KeyAgreement.PairwiseMask, dropped, survivor);
                if (survivor < dropped) subtract(seed, sum);
                else add(seed, sum);
            }
        }
        return sum;
    }

    private static byte[] Reconstruct(SecAggParameters parameters, IReadOnlyCollection<UnmaskingShares> responses, int owner, RevealedSecret secret)
    {
        var shares = new Dictionary<int, byte[]>();
        foreach (var response in responses)
        {
            foreach (var share in response.Shares)
            {
                if (share.Owner == owner && share.Secret == secret) shares[response.From] = share.Share;
            }
        }
        if (shares.Count < parameters.Threshold)
        {
            var what = secret == RevealedSecret.SelfMaskSeed ? "self-mask seed" : "mask key";
            throw new SecureAggregationException(
                $"only {shares.Count} share(s) of slot {owner}'s {what} arrived, below the threshold {parameters.Threshold}: the round cannot be unmasked");
        }
        return ShamirSecretSharing.Combine(shares.Take(parameters.Threshold).ToDictionary());
    }
}
