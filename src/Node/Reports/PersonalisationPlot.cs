using FedChain.Learning.Benchmarks;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace FedChain.Node.Reports;

/// <summary>Per hospital and on average: the global model's test accuracy beside each method's personal models.</summary>
internal static class PersonalisationPlot
{
    public static void Save(PersonalisationReport report, string path)
    {
        var sites = report.Result.PerSite.Keys.ToList();
        var series = new List<(string Name, IReadOnlyList<double> Values)> { ("global", [.. sites.Select(s => report.Result.PerSite[s].Global), report.Result.MeanGlobal]) };
        series.AddRange(report.Methods.Select(m => (m.Key + (m.Key == report.Chosen ? " (chosen)" : ""), (IReadOnlyList<double>)[.. sites.Select(s => m.Value[s]), m.Value.Values.Average()])));
        series.Add(("personal, as deployed", [.. sites.Select(s => report.Result.PerSite[s].Personal), report.Result.MeanPersonal]));
        var palette = new ScottPlot.Palettes.Category10();
        var width = series.Count + 1;
        var plot = new Plot();
        for (var k = 0; k < series.Count; k++)
        {
            var colour = palette.GetColor(k);
            plot.Add.Bars(series[k].Values.Select((v, i) => new Bar { Position = i * width + k, Value = v, FillColor = colour }).ToList());
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[k].Name, FillColor = colour });
        }

        plot.Axes.Bottom.TickGenerator = new NumericManual([.. Enumerable.Range(0, sites.Count + 1).Select(i => i * width + (series.Count - 1) / 2.0)], [.. sites, "mean"]);
        plot.Axes.SetLimitsY(Math.Max(0, series.SelectMany(s => s.Values).Min() - 0.1), 1.05);
        plot.Title($"heart disease: global vs personal models per hospital ({report.Seeds.Count} seeds)");
        plot.YLabel("test accuracy");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 1000, 560);
    }
}
