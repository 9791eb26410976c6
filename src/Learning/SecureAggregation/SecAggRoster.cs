using FedChain.Learning.SecureAggregation.Crypto;
using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Learning.SecureAggregation;

/// <summary>Checks on the participant sets U1 ⊇ U2 ⊇ U3 that the chain hands the round.</summary>
internal static class SecAggRoster
{
    /// <summary>U1: distinct slots in range, valid keys, at least t of them.</summary>
    public static void Validate(SecAggParameters parameters, IReadOnlyCollection<KeyAdvertisement> advertised)
    {
        var seen = new HashSet<int>();
        foreach (var advertisement in advertised)
        {
            if (advertisement.Slot < 1 || advertisement.Slot > parameters.MemberCount)
                throw new SecureAggregationException($"U1 names slot {advertisement.Slot}, outside 1..{parameters.MemberCount}");
            if (!seen.Add(advertisement.Slot))
                throw new SecureAggregationException($"U1 names slot {advertisement.Slot} twice");
            KeyAgreement.ParsePublicKey(advertisement.EncryptionKey);
            KeyAgreement.ParsePublicKey(advertisement.MaskKey);
        }
        if (seen.Count < parameters.Threshold)
            throw new SecureAggregationException($"only {seen.Count} members advertised keys, below the threshold {parameters.Threshold}");
    }

    /// <summary>A later set: a subset of the earlier one, holding <paramref name="self"/> (if any), with at least t members.</summary>
    public static HashSet<int> Subset(IReadOnlyCollection<int> set, IEnumerable<int> earlier, int? self, int threshold, string name, string earlierName)
    {
        var result = set.ToHashSet();
        var outside = result.Except(earlier).Order().ToArray();
        if (outside.Length > 0)
            throw new SecureAggregationException($"{name} names slot(s) {string.Join(", ", outside)} that are not in {earlierName}");
        if (self is { } slot && !result.Contains(slot))
            throw new SecureAggregationException($"{name} does not hold slot {slot}, which was asked to take part");
        if (result.Count < threshold)
            throw new SecureAggregationException(
                $"{name}: {result.Count} member(s), below the threshold {threshold}: too many dropped for the round to finish");
        return result;
    }
}
