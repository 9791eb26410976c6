namespace FedChain.Learning.Robust;

/// <summary>
/// Norm bounding (Sun et al. 2019, "Can you really backdoor federated learning?"): each member's
/// per-sample delta is scaled down to at most the bound (the round's median norm when the plan sets
/// none), then the sample-weighted mean. The scaled q_i are rounded to integers per member before the
/// exact integer sum, so the order of members does not matter.
/// </summary>
public static class NormBounding
{
    /// <param name="bound">The bound on ||delta|| per sample in model units; 0: the round's (lower) median norm.</param>
    /// <returns>The round's mean delta per sample, in model units.</returns>
    public static float[] MeanDelta(MemberDeltas members, double bound, double scale)
    {
        var norms = Enumerable.Range(0, members.Count).Select(members.Norm).ToArray();
        var limit = bound > 0 ? bound * scale : norms.Order().ElementAt((members.Count - 1) / 2);
        var sums = new long[members.Length];
        for (var m = 0; m < members.Count; m++)
        {
            var factor = norms[m] > limit ? limit / norms[m] : 1;
            var q = members.Updates[m].Quantised;
            for (var k = 0; k < sums.Length; k++) sums[k] += (long)Math.Round(unchecked((int)q[k]) * factor, MidpointRounding.AwayFromZero);
        }

        var samples = members.Samples(Enumerable.Range(0, members.Count));
        var mean = new float[members.Length];
        for (var k = 0; k < mean.Length; k++) mean[k] = (float)(sums[k] / (scale * samples));
        return mean;
    }

    /// <summary>The aggregate form: the round's mean delta scaled down to at most <paramref name="bound"/> (L2, model units). Needs only the sum.</summary>
    public static float[] BoundAggregate(float[] mean, double bound)
    {
        var squares = 0.0;
        foreach (var v in mean) squares += (double)v * v;
        var norm = Math.Sqrt(squares);
        if (norm <= bound) return mean;
        var factor = bound / norm;
        var bounded = new float[mean.Length];
        for (var k = 0; k < mean.Length; k++) bounded[k] = (float)(mean[k] * factor);
        return bounded;
    }
}
