namespace FedChain.Learning.Data.Statistics;

/// <summary>
/// The round-0 moments a site may release under a minimum cell count k: the rules of analysis
/// disclosure control (docs/privacy.md) applied to <see cref="FeatureMoments"/>. The sum of a 0/1
/// feature is a count of patients, so a one-hot or binary column whose ones (or zeros) number 1 to
/// k-1 is withheld (its sum and sum of squares sent as 0, which only biases that column's pooled
/// mean and SD); a site with fewer than k rows sends no moments at all.
/// </summary>
/// <param name="Moments">What the site sends.</param>
/// <param name="Withheld">Features whose moments were withheld.</param>
/// <param name="Reason">Set when the whole vector was withheld.</param>
public sealed record ReleasedMoments(FeatureMoments Moments, IReadOnlyList<int> Withheld, string? Reason = null)
{
    public static ReleasedMoments Of(SiteDataset data, int minCellCount)
    {
        var moments = FeatureMoments.Of(data);
        var d = data.FeatureCount;
        if (moments.Count < minCellCount)
        {
            return new ReleasedMoments(new FeatureMoments(0, new double[d], new double[d]), [.. Enumerable.Range(0, d)],
                $"site '{data.Site}' has {moments.Count} rows, fewer than k = {minCellCount}: it releases no moments");
        }

        var sum = (double[])moments.Sum.Clone();
        var squares = (double[])moments.SumOfSquares.Clone();
        var withheld = new List<int>();
        for (var j = 0; j < d; j++)
        {
            if (!IsBinary(data, j)) continue;
            var ones = moments.Sum[j];
            var zeros = moments.Count - ones;
            if (ones is > 0 && ones < minCellCount || zeros is > 0 && zeros < minCellCount)
            {
                (sum[j], squares[j]) = (0, 0);
                withheld.Add(j);
            }
        }

        return new ReleasedMoments(moments with { Sum = sum, SumOfSquares = squares }, withheld);
    }

    private static bool IsBinary(SiteDataset data, int feature)
    {
        for (var row = 0; row < data.Count; row++)
        {
            var x = data.Features[row * data.FeatureCount + feature];
            if (x is not (0f or 1f)) return false;
        }

        return true;
    }
}
