using FedChain.Learning.Contribution;

namespace FedChain.Learning.Asynchronous;

/// <summary>
/// FedBuff's staleness weight 1/sqrt(1 + s) (Nguyen et al. 2022, §5) in 16-bit fixed point, computed
/// with integers only so every node weighs an update to the same bits: an update of staleness s has its
/// fixed-point coordinates and its sample count scaled by <see cref="Numerator"/>/2^16 (floor), so the
/// server's sum over samples is the staleness- and sample-weighted mean.
/// </summary>
public static class StalenessWeight
{
    public const int Bits = 16;

    /// <summary>floor(2^16 / sqrt(1 + s)): the largest w with w^2 (1 + s) at most 2^32. 65536 at s = 0 (weight exactly 1).</summary>
    public static long Numerator(int staleness)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(staleness);
        long lo = 0, hi = 1L << Bits;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (mid * mid * (1L + staleness) <= 1L << (2 * Bits)) lo = mid;
            else hi = mid - 1;
        }

        return lo;
    }

    /// <summary>The update as the buffer counts it; unchanged at staleness 0.</summary>
    public static MemberUpdate Weigh(MemberUpdate update, int staleness)
    {
        if (staleness == 0) return update;
        var w = Numerator(staleness);
        var words = new uint[update.Quantised.Length];
        // The words are two's-complement fixed-point values mod 2^32; >> on a long floors, the same on every node.
        for (var i = 0; i < words.Length; i++) words[i] = unchecked((uint)((int)update.Quantised[i] * w >> Bits));
        return new MemberUpdate(words, Math.Max(1, update.SampleCount * w >> Bits));
    }
}
