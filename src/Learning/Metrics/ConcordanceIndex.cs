namespace FedChain.Learning.Metrics;

/// <summary>
/// Harrell's C-index with lifelines' conventions (FLamby calls
/// <c>concordance_index(T, -score, E)</c>): a pair is comparable when the shorter time is an
/// observed event, or the times tie and exactly one is an event; the higher-risk row should fail
/// first; tied scores count a half.
/// </summary>
public static class ConcordanceIndex
{
    /// <param name="riskScores">Higher means higher risk (a Cox log-risk).</param>
    /// <returns>The C-index, or NaN when no pair is comparable.</returns>
    public static double Compute(IReadOnlyList<float> times, IReadOnlyList<float> riskScores, IReadOnlyList<float> events)
    {
        var (concordant, pairs) = Pairs(times, riskScores, events);
        return pairs == 0 ? double.NaN : concordant / pairs;
    }

    /// <summary>
    /// The C-index over pairs within each stratum only (every stratum's concordant and comparable
    /// pairs summed): patients of different sites, whose baselines differ, are never compared.
    /// </summary>
    public static double Stratified(IEnumerable<(IReadOnlyList<float> Times, IReadOnlyList<float> RiskScores, IReadOnlyList<float> Events)> strata)
    {
        double concordant = 0, pairs = 0;
        foreach (var (times, scores, events) in strata)
        {
            var (c, p) = Pairs(times, scores, events);
            concordant += c;
            pairs += p;
        }

        return pairs == 0 ? double.NaN : concordant / pairs;
    }

    private static (double Concordant, double Pairs) Pairs(IReadOnlyList<float> times, IReadOnlyList<float> riskScores, IReadOnlyList<float> events)
    {
        double pairs = 0, concordant = 0;
        for (var a = 0; a < times.Count; a++)
        {
            for (var b = a + 1; b < times.Count; b++)
            {
                // Orient the pair so that row i is the one expected to fail first.
                int i = a, j = b;
                if (times[b] < times[a] || (times[a] == times[b] && events[b] > events[a])) (i, j) = (b, a);
                var comparable = times[i] < times[j] ? events[i] > 0 : events[i] != events[j];
                if (!comparable) continue;
                pairs++;
                if (riskScores[i] > riskScores[j]) concordant++;
                else if (riskScores[i] == riskScores[j]) concordant += 0.5;
            }
        }

        return (concordant, pairs);
    }
}
