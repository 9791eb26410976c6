namespace FedChain.Learning.Contribution;

/// <summary>
/// The permutations sampled Shapley walks in a round, fixed by (plan seed, round, roster size)
/// before anyone evaluates, so every member knows which subset models to score. They come in
/// antithetic pairs: permutation 2j is drawn, permutation 2j + 1 is its reverse, which roughly
/// halves the estimate's error for the same count (Mitchell et al. 2022, "Sampling Permutations
/// for Shapley Value Estimation", JMLR 23). The drawn ones are guided as in GTG-Shapley (Liu et al.
/// 2022, §4.3): permutation 2j starts with member j mod n, so members lead (and close) equally
/// often; the rest is a Fisher-Yates shuffle over <see cref="HashStream"/>.
/// </summary>
public static class SampledPermutations
{
    public static int[][] For(long planSeed, int round, int members, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var stream = new HashStream("permutations", planSeed, round);
        var result = new int[count][];
        for (var k = 0; k < count; k++)
        {
            if (k % 2 == 1)
            {
                result[k] = [.. result[k - 1].Reverse()];
                continue;
            }

            var order = new int[members];
            var lead = k / 2 % members;
            order[0] = lead;
            for (int i = 0, j = 1; i < members; i++) if (i != lead) order[j++] = i;
            // Fisher-Yates over positions 1..n-1: swap position i with a uniform position in [1, i].
            for (var i = members - 1; i > 1; i--)
            {
                var pick = 1 + stream.NextBelow(i);
                (order[i], order[pick]) = (order[pick], order[i]);
            }

            result[k] = order;
        }

        return result;
    }
}
