using FedChain.Learning.Benchmarks;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace FedChain.Node.Reports;

/// <summary>Grouped bars: per attack (and with an honest fifth), FedAvg's accuracy and each robust rule's, with the honest run and the 1-point band as lines.</summary>
internal static class RobustnessPlot
{
    public static void Save(RobustnessReport report, string path)
    {
        var result = report.Result;
        var rules = report.HonestByRule.Keys.ToList();
        var groups = new List<(string Name, double FedAvg, IReadOnlyDictionary<string, double> Rules)> { ("honest", result.Honest, report.HonestByRule) };
        groups.AddRange(result.Attacks.Select(a => (a.Key, a.Value.FedAvg, a.Value.Robust)));
        var palette = new ScottPlot.Palettes.Category10();
        var plot = new Plot();
        var width = rules.Count + 2;
        for (var series = 0; series <= rules.Count; series++)
        {
            var name = series == 0 ? "fedavg" : rules[series - 1];
            var bars = groups.Select((g, i) => new Bar
            {
                Position = i * width + series,
                Value = series == 0 ? g.FedAvg : g.Rules[name],
                FillColor = palette.GetColor(series),
            }).ToList();
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = name + (name == result.DefaultRule ? " (default)" : ""), FillColor = palette.GetColor(series) });
        }

        plot.Add.HorizontalLine(result.Honest, color: Colors.Black, pattern: LinePattern.Solid);
        plot.Add.HorizontalLine(result.Honest - 0.01, color: Colors.Gray, pattern: LinePattern.Dashed);
        plot.Axes.Bottom.TickGenerator = new NumericManual([.. groups.Select((_, i) => i * width + rules.Count / 2.0)], [.. groups.Select(g => g.Name)]);
        var all = groups.SelectMany(g => g.Rules.Values.Append(g.FedAvg)).ToList();
        plot.Axes.SetLimitsY(Math.Max(0, Math.Min(all.Min(), result.Honest - 0.01) - 0.05), Math.Min(1, all.Max() + 0.06));
        plot.Title($"heart disease, 5 members: what the fifth sends ({report.Seeds.Count} seeds; line = honest FedAvg, dashed = 1 point below)");
        plot.YLabel("mean per-site test accuracy");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 1100, 560);
    }
}
