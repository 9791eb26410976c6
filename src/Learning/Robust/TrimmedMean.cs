namespace FedChain.Learning.Robust;

/// <summary>
/// Coordinate-wise trimmed mean (Yin et al. 2018): per coordinate, the members sorted by their
/// per-sample delta, floor(beta m) dropped at each end, and the kept ones' sample-weighted mean
/// sum q_i / sum n_i, from exact integer sums. Ties sort by samples, then by q, so which equal
/// member is dropped is fixed too.
/// </summary>
public static class TrimmedMean
{
    /// <returns>The round's mean delta per sample, in model units.</returns>
    public static float[] MeanDelta(MemberDeltas members, double trimFraction, double scale)
    {
        var m = members.Count;
        var trim = Math.Min((int)Math.Floor(trimFraction * m), (m - 1) / 2);
        var order = new int[m];
        var mean = new float[members.Length];
        for (var k = 0; k < members.Length; k++)
        {
            for (var i = 0; i < m; i++) order[i] = i;
            var coordinate = k;
            Array.Sort(order, (a, b) =>
            {
                var c = members.Deltas[a][coordinate].CompareTo(members.Deltas[b][coordinate]);
                if (c == 0) c = members.Updates[a].SampleCount.CompareTo(members.Updates[b].SampleCount);
                return c == 0 ? unchecked((int)members.Updates[a].Quantised[coordinate]).CompareTo(unchecked((int)members.Updates[b].Quantised[coordinate])) : c;
            });
            var kept = order[trim..(m - trim)];
            mean[k] = (float)(members.QuantisedSum(kept, k) / (scale * members.Samples(kept)));
        }

        return mean;
    }
}
