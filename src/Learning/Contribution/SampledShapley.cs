namespace FedChain.Learning.Contribution;

/// <summary>
/// Shapley values estimated as the mean marginal contribution over sampled permutations
/// (Castro et al. 2009), walking the guided permutations of <see cref="SampledPermutations"/>
/// (GTG-Shapley, Liu et al. 2022). With a truncation tolerance, a permutation stops counting once its
/// prefix's utility is within the tolerance of U(all): the later marginals are taken as 0 (TMC-Shapley,
/// Ghorbani and Zou 2019, Alg. 1); when U(none) is already that close, the whole round scores 0, as
/// GTG-Shapley's between-round truncation does.
/// </summary>
public static class SampledShapley
{
    /// <param name="truncation">The tolerance in <see cref="ScoreUnits"/> units; 0 walks every permutation to the end.</param>
    public static long[] Compute(CoalitionUtilities utilities, int members, IReadOnlyList<int[]> permutations, long truncation)
    {
        if (permutations.Count == 0) throw new ArgumentException("sampled Shapley needs at least one permutation", nameof(permutations));
        var full = utilities[Coalition.All(members)];
        var sums = new Int128[members];
        foreach (var order in permutations)
        {
            var prefix = Coalition.Empty;
            var previous = utilities[prefix];
            foreach (var member in order)
            {
                if (truncation > 0 && Math.Abs(full - previous) <= truncation) break;
                prefix = prefix.With(member);
                var value = utilities[prefix];
                sums[member] += value - previous;
                previous = value;
            }
        }

        return [.. sums.Select(s => ScoreUnits.Divide(s, permutations.Count))];
    }
}
