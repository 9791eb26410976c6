using FedChain.Learning.Analysis.Engine;

namespace FedChain.Learning.Analysis.Descriptive;

/// <summary>A released block seen as one slice per site (when per site) followed by the pooled total.</summary>
public static class SiteSlices
{
    /// <returns>(label, values) per site in roster order, then ("pooled", total).</returns>
    public static IReadOnlyList<(string Label, double[] Values)> Of(StepSums sums, int block, IReadOnlyList<string> sites, bool perSite)
    {
        var slices = new List<(string, double[])>();
        if (perSite)
        {
            for (var s = 0; s < sites.Count; s++) slices.Add((sites[s], sums.Site(block, s)));
        }

        slices.Add(("pooled", sums.Total(block)));
        return slices;
    }

    /// <summary>Cells i of per-site slices add up to cell i of the pooled one: those sets are linked totals for suppression.</summary>
    public static IEnumerable<int[]> SiteTotals(int[][] cellIds, bool perSite)
    {
        if (!perSite) yield break;
        var width = cellIds[0].Length;
        for (var i = 0; i < width; i++) yield return [.. cellIds.Select(c => c[i])];
    }
}
