using FedChain.Learning.Benchmarks;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace FedChain.Node.Reports;

/// <summary>Bar chart of each method's headline (mean over seeds, with the sd as an error bar), as a PNG.</summary>
internal static class HeadlinePlot
{
    public static void Save(BenchmarkResult result, string path)
    {
        var names = result.Methods.Keys.ToArray();
        var positions = Enumerable.Range(0, names.Length).Select(i => (double)i).ToArray();
        var means = names.Select(n => result.Methods[n].HeadlineMean).ToArray();
        var sds = names.Select(n => result.Methods[n].HeadlineSd).ToArray();

        var plot = PlotFonts.NewPlot();
        var bars = plot.Add.Bars(positions, means);
        for (var i = 0; i < names.Length; i++)
        {
            var federated = names[i] != "pooled" && !names[i].StartsWith("local_", StringComparison.Ordinal);
            bars.Bars[i].FillColor = !federated ? Colors.Gray : result.Methods[names[i]].Epsilon is null ? Colors.SteelBlue : Colors.SeaGreen;
        }

        plot.Add.ErrorBar(positions, means, sds);
        var published = names.Select((n, i) => (i, n)).Where(x => result.Published.ContainsKey(x.n)).ToArray();
        if (published.Length > 0)
        {
            var marks = plot.Add.ScatterPoints(
                published.Select(x => (double)x.i).ToArray(),
                published.Select(x => result.Published[x.n].HeadlineMean).ToArray());
            marks.MarkerShape = MarkerShape.FilledDiamond;
            marks.MarkerSize = 9;
            marks.Color = Colors.OrangeRed;
            marks.LegendText = "FLamby published";
        }

        plot.Axes.Bottom.TickGenerator = new NumericManual(positions, names);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 90;
        var low = Math.Max(0, means.Where(double.IsFinite).DefaultIfEmpty(0).Min() - 0.1);
        plot.Axes.SetLimitsY(low, 1.0);
        plot.Title($"{result.Dataset}: headline {result.Metric} by method ({result.Seeds.Count} seeds; grey = baselines, green = DP-SGD)");
        plot.YLabel($"mean per-center test {result.Metric}");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 1000, 560);
    }
}
