using ScottPlot;

namespace FedChain.Node.Demo;

/// <summary>The demo report's plots: accuracy per hospital per round, protocol overhead per round, gas by function.</summary>
internal static class DemoPlots
{
    public const string Accuracy = "accuracy.png";
    public const string Overhead = "overhead.png";
    public const string Gas = "gas.png";
    public const string Epsilon = "epsilon.png";

    public static void Save(DemoReport report, string folder)
    {
        SaveAccuracy(report, Path.Combine(folder, Accuracy));
        SaveOverhead(report, Path.Combine(folder, Overhead));
        SaveGas(report, Path.Combine(folder, Gas));
        if (report.Privacy is { } privacy) SaveEpsilon(privacy, Path.Combine(folder, Epsilon));
    }

    private static void SaveAccuracy(DemoReport report, string path)
    {
        var plot = Reports.PlotFonts.NewPlot();
        var rounds = report.Metrics.PerRound.Select(r => (double)r.Round).ToArray();
        foreach (var site in report.Metrics.Final.Keys)
        {
            var line = plot.Add.Scatter(rounds, report.Metrics.PerRound.Select(r => r.Sites.TryGetValue(site, out var m) ? m.Headline : double.NaN).ToArray());
            line.LegendText = site;
        }

        var mean = plot.Add.Scatter(rounds, report.Metrics.PerRound.Select(r => r.MeanHeadline).ToArray());
        mean.LegendText = "mean over institutions";
        mean.LineWidth = 3;
        mean.Color = Colors.Black;
        plot.Title($"global model: test {report.Metric} at each institution, per round");
        plot.XLabel("round");
        plot.YLabel(report.Metric);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 900, 480);
    }

    private static void SaveOverhead(DemoReport report, string path)
    {
        var plot = Reports.PlotFonts.NewPlot();
        var rounds = report.Overhead.Select(o => (double)o.Round).ToArray();
        var wall = plot.Add.Scatter(rounds, report.Overhead.Select(o => o.WallMs).ToArray());
        wall.LegendText = "round wall time";
        var training = plot.Add.Scatter(rounds, report.Overhead.Select(o => o.MaxTrainingMs).ToArray());
        training.LegendText = "slowest local training";
        var overhead = plot.Add.Scatter(rounds, report.Overhead.Select(o => o.OverheadMs).ToArray());
        overhead.LegendText = "protocol overhead";
        overhead.LineWidth = 3;
        plot.Add.HorizontalLine(500, 1, Colors.Red, LinePattern.Dashed).LegendText = "0.5 s target";
        plot.Title("time per round (ms)");
        plot.XLabel("round");
        plot.YLabel("milliseconds");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 480);
    }

    private static void SaveGas(DemoReport report, string path)
    {
        var plot = Reports.PlotFonts.NewPlot();
        var lines = report.GasByFunction.OrderByDescending(g => g.Value.Gas).Take(12).ToList();
        var bars = plot.Add.Bars(lines.Select(l => (double)l.Value.Gas).ToArray());
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, lines.Count).Select(i => (double)i)], [.. lines.Select(l => $"{l.Key} x{l.Value.Count}")]);
        plot.Title($"gas by function (total {report.GasTotal:N0})");
        plot.XLabel("gas");
        plot.SavePng(path, 900, 520);
    }

    private static void SaveEpsilon(DemoPrivacy privacy, string path) =>
        Reports.EpsilonPlot.Save([.. Enumerable.Range(1, privacy.Members.Values.First().EpsilonCumulative.Count).Select(r => (double)r)],
            privacy.Members.ToDictionary(m => m.Key, m => m.Value.EpsilonCumulative.ToArray()), privacy.EpsilonBudget, privacy.Delta, "on-chain Committed events", path);
}
