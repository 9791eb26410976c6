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

        return pairs == 0 ? double.NaN : concordant / pairs;
    }
}
