using FedChain.Learning.Analysis.Results;
using ScottPlot;

namespace FedChain.Node.Reports;

/// <summary>A released histogram's pooled bins as bars; suppressed bins are left empty.</summary>
internal static class HistogramPlot
{
    public static void Save(HistogramResult result, string path)
    {
        var plot = new Plot();
        var pooled = result.Series[^1];
        var bins = result.Edges.Count - 1;
        var bars = Enumerable.Range(0, bins).Select(i => new Bar
        {
            Position = (result.Edges[i] + result.Edges[i + 1]) / 2,
            Size = result.Edges[i + 1] - result.Edges[i],
            Value = pooled.Counts[i].Value ?? 0,
            FillColor = pooled.Counts[i].Suppressed ? Colors.LightGray : Colors.SteelBlue,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Title(result.Title + (pooled.Counts.Take(bins).Any(c => c.Suppressed) ? " (grey: suppressed)" : ""));
        plot.XLabel(result.Variable);
        plot.YLabel("rows");
        plot.Axes.Margins(bottom: 0);
        plot.SavePng(path, 900, 450);
    }
}
