using FedChain.Learning.Benchmarks;
using ScottPlot;

namespace FedChain.Node.Reports;

/// <summary>Accuracy against update bytes per round (log scale) for each way of sending updates, with the goal's box: 4x fewer bytes, within 0.5 points.</summary>
internal static class CompressionPlot
{
    public static void Save(CompressionReport report, string path)
    {
        var plain = report.Result.Uncompressed;
        var points = report.Result.Methods.Select(m => (Name: m.Key, Value: m.Value)).Prepend((Name: "uncompressed", Value: plain)).ToList();
        var plot = new Plot();
        foreach (var (name, figures) in points)
        {
            var marker = plot.Add.ScatterPoints(new[] { Math.Log10(figures.BytesPerRound) }, new[] { figures.Accuracy });
            marker.MarkerSize = 10;
            marker.LegendText = name;
            var label = plot.Add.Text(name, Math.Log10(figures.BytesPerRound), figures.Accuracy);
            label.LabelOffsetY = -12;
        }

        var goal = plot.Add.Rectangle(Math.Log10(plain.BytesPerRound / 1000), Math.Log10(plain.BytesPerRound / 4), plain.Accuracy - 0.005, 1.0);
        goal.FillColor = Colors.SeaGreen.WithAlpha(0.15);
        goal.LineColor = Colors.SeaGreen;
        goal.LegendText = "goal: >= 4x fewer bytes, within 0.5 points";
        plot.Axes.SetLimitsX(points.Min(p => Math.Log10(p.Value.BytesPerRound)) - 0.3, Math.Log10(plain.BytesPerRound) + 0.3);
        var low = points.Min(p => p.Value.Accuracy);
        plot.Axes.SetLimitsY(Math.Max(0, Math.Min(low, plain.Accuracy - 0.005) - 0.03), Math.Min(1, points.Max(p => p.Value.Accuracy) + 0.03));
        plot.Title($"heart disease, MLP of {report.Parameters} parameters ({report.Seeds.Count} seeds)");
        plot.XLabel("log10 update-blob bytes per round (4 members, envelopes included)");
        plot.YLabel("mean per-site test accuracy");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 900, 560);
    }
}
