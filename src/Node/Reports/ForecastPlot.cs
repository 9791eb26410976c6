using FedChain.Learning.Forecasting;
using ScottPlot;

namespace FedChain.Node.Reports;

/// <summary>Per region: the weekly observed cases and the summed one-step-ahead forecast means over the test weeks, one PNG each.</summary>
internal static class ForecastPlot
{
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> SaveAll(ForecastResult result, WeeklyCounts counts, string method, string folder)
    {
        var files = new List<string>();
        foreach (var region in result.Regions)
        {
            var rows = result.Forecasts.Rows.Where(f => counts.Districts[f.District].Region == region).ToArray();
            var weeks = rows.Select(f => f.Week).Distinct().Order().ToArray();
            var x = weeks.Select(w => (double)w).ToArray();
            var plot = new Plot();
            var observed = plot.Add.Scatter(x, [.. weeks.Select(w => (double)rows.Where(f => f.Week == w).Sum(f => counts.Count(w, f.District)))]);
            observed.LegendText = "observed";
            observed.Color = Colors.Black;
            var forecast = plot.Add.Scatter(x, [.. weeks.Select(w => rows.Where(f => f.Week == w).Sum(f => f.Mean))]);
            forecast.LegendText = $"{method} (one step ahead, mean)";
            plot.Title($"influenza, region {region}: cases per week, weeks {weeks[0]}-{weeks[^1]}");
            plot.XLabel("week (1 = 2001 week 1)");
            plot.YLabel("cases");
            plot.ShowLegend(Alignment.UpperLeft);
            var file = Path.Combine(folder, $"forecast-{region}.png");
            plot.SavePng(file, 900, 450);
            files.Add(file);
        }

        return files;
    }
}
