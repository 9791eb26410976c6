using ScottPlot;

namespace FedChain.Node.Bench;

/// <summary>Draws gossip.png: bytes received and sent per node against the (N-1) x blob lower bound.</summary>
internal static class GossipBenchPlot
{
    public static void Save(GossipBenchDetail detail, string path)
    {
        var plot = Reports.PlotFonts.NewPlot();
        var bars = new List<Bar>();
        for (var i = 0; i < detail.Nodes.Count; i++)
        {
            bars.Add(new Bar { Position = (i * 3) + 0, Value = detail.Nodes[i].ReceivedRatio, FillColor = Colors.SteelBlue });
            bars.Add(new Bar { Position = (i * 3) + 1, Value = detail.Nodes[i].SentRatio, FillColor = Colors.DarkOrange });
        }

        plot.Add.Bars(bars);
        var bound = plot.Add.HorizontalLine(1.0);
        bound.LinePattern = LinePattern.Dashed;
        bound.Color = Colors.Gray;
        plot.Axes.Bottom.SetTicks([.. detail.Nodes.Select((_, i) => (i * 3) + 0.5)], [.. detail.Nodes.Select((_, i) => $"node {i}")]);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "received / lower bound", FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "sent / lower bound", FillColor = Colors.DarkOrange });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimitsY(0, Math.Max(1.5, detail.Nodes.Max(n => Math.Max(n.ReceivedRatio, n.SentRatio)) * 1.2));
        var r = detail.Result;
        plot.Title($"All-to-all, {r.Nodes} nodes x {r.BlobBytes / (1024.0 * 1024.0):0.#} MiB blobs: {r.AllToAllSeconds:0.00} s (plain TCP: {detail.PlainTcpSeconds:0.00} s)");
        plot.YLabel("bytes on the socket / ((N-1) x blob size)");
        plot.SavePng(path, 1000, 500);
    }
}
