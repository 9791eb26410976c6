namespace FedChain.Learning.Robust;

/// <summary>
/// Multi-Krum (Blanchard et al. 2017, "Machine learning with adversaries", section 4): each member's
/// score is the sum of its squared distances to its m - f - 2 nearest others, over the per-sample
/// deltas, exactly in integers; the lowest-scored members (m - f by default) are averaged with their
/// sample weights, sum q_i / sum n_i. Ties keep the canonical order of <see cref="MemberDeltas"/>.
/// Krum needs m >= 2f + 3; a round with fewer members takes the coordinate median instead.
/// </summary>
public static class MultiKrum
{
    /// <returns>The round's mean delta per sample, in model units.</returns>
    public static float[] MeanDelta(MemberDeltas members, int byzantine, int selected, double scale)
    {
        var m = members.Count;
        if (m < 2 * byzantine + 3) return CoordinateMedian.MeanDelta(members, scale);
        var chosen = Select(members, byzantine, selected);
        var mean = new float[members.Length];
        var samples = members.Samples(chosen);
        for (var k = 0; k < members.Length; k++) mean[k] = (float)(members.QuantisedSum(chosen, k) / (scale * samples));
        return mean;
    }

    /// <summary>The members Multi-Krum keeps, in canonical order.</summary>
    public static int[] Select(MemberDeltas members, int byzantine, int selected)
    {
        var m = members.Count;
        var distances = new Int128[m, m];
        for (var a = 0; a < m; a++)
        {
            for (var b = a + 1; b < m; b++) distances[a, b] = distances[b, a] = members.SquaredDistance(a, b);
        }

        var neighbours = m - byzantine - 2;
        var scores = Enumerable.Range(0, m)
            .Select(a => Enumerable.Range(0, m).Where(b => b != a).Select(b => distances[a, b]).Order().Take(neighbours).Aggregate(Int128.Zero, (s, d) => s + d))
            .ToArray();
        var keep = selected > 0 ? Math.Min(selected, m) : m - byzantine;
        return [.. Enumerable.Range(0, m).OrderBy(a => scores[a]).ThenBy(a => a).Take(keep).Order()];
    }
}
