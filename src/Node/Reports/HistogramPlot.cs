using FedChain.Learning.Analysis.Results;
using ScottPlot;

namespace FedChain.Node.Reports;

/// <summary>A released histogram's pooled bins as bars; suppressed bins are left empty.</summary>
internal static class HistogramPlot
{
    public static void Save(TableResult result, string path)
    {
        var plot = new Plot();
        var pooled = result.Rows[^1].Cells;
        var edges = result.Edges!;
        var bins = edges.Count - 1;
        var bars = Enumerable.Range(0, bins).Select(i => new Bar
        {
            Position = (edges[i] + edges[i + 1]) / 2,
            Size = edges[i + 1] - edges[i],
            Value = pooled[i].Value ?? 0,
            FillColor = pooled[i].Suppressed ? Colors.LightGray : Colors.SteelBlue,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Title(result.Title + (pooled.Take(bins).Any(c => c.Suppressed) ? " (grey: suppressed)" : ""));
        plot.XLabel(result.Title.Replace("Histogram of ", "", StringComparison.Ordinal));
        plot.YLabel("rows");
        plot.Axes.Margins(bottom: 0);
        plot.SavePng(path, 900, 450);
    }
}
