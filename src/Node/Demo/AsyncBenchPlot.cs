using ScottPlot;

namespace FedChain.Node.Demo;

/// <summary>Draws async.png: each run's mean per-site accuracy against wall-clock seconds, synchronous and asynchronous, with the target.</summary>
internal static class AsyncBenchPlot
{
    public static void Save(AsyncBenchDetail detail, string path)
    {
        var plot = Reports.PlotFonts.NewPlot();
        foreach (var run in detail.Runs)
        {
            var line = plot.Add.Scatter(run.Seconds.ToArray(), run.Accuracy.ToArray());
            line.Color = run.Kind == "sync" ? Colors.SteelBlue : Colors.DarkOrange;
            line.MarkerSize = 3;
        }

        var target = plot.Add.HorizontalLine(detail.Result.TargetAccuracy);
        target.LinePattern = LinePattern.Dashed;
        target.Color = Colors.Gray;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"synchronous ({detail.SyncRounds} rounds)", LineColor = Colors.SteelBlue, LineWidth = 2 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"asynchronous, K = {detail.Buffer} ({detail.AsyncWindows} windows)", LineColor = Colors.DarkOrange, LineWidth = 2 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"target {detail.Result.TargetAccuracy:0.000}", LineColor = Colors.Gray, LineWidth = 2 });
        plot.ShowLegend(Alignment.LowerRight);
        plot.Title($"Heart disease, {detail.SlowSite} trains x{detail.Slowdown:0.#}: seconds to target, sync {Seconds(detail.Result.SyncSeconds)}, async {Seconds(detail.Result.AsyncSeconds)}");
        plot.XLabel("wall-clock seconds from round 1");
        plot.YLabel("mean per-site test accuracy");
        plot.SavePng(path, 1000, 550);
    }

    private static string Seconds(double? seconds) => seconds is { } s ? $"{s:0.0} s" : "not reached";
}
