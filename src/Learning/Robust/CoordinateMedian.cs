namespace FedChain.Learning.Robust;

/// <summary>
/// Coordinate-wise median (Yin et al. 2018, "Byzantine-robust distributed learning", median-based
/// GD): per coordinate, the median of the members' per-sample deltas r_i, each member one vote (a
/// member cannot buy weight with a sample count). With an even count, the mean of the two middle values.
/// </summary>
public static class CoordinateMedian
{
    /// <returns>The round's mean delta per sample, in model units.</returns>
    public static float[] MeanDelta(MemberDeltas members, double scale)
    {
        var column = new int[members.Count];
        var mean = new float[members.Length];
        for (var k = 0; k < members.Length; k++)
        {
            for (var m = 0; m < members.Count; m++) column[m] = members.Deltas[m][k];
            Array.Sort(column);
            var half = members.Count / 2;
            var median = members.Count % 2 == 1 ? column[half] : ((double)column[half - 1] + column[half]) / 2;
            mean[k] = (float)(median / scale);
        }

        return mean;
    }
}
