using FedChain.Learning.Simulation;
using ScottPlot;

namespace FedChain.Node.Reports;

/// <summary>Line chart of the global model's per-site and mean test metric after each round, as a PNG.</summary>
internal static class RoundsPlot
{
    public static void Save(SimulationResult result, string metric, string path)
    {
        var evaluated = result.Rounds.Where(r => r.PerSite is not null).ToArray();
        var rounds = evaluated.Select(r => (double)r.Round).ToArray();
        var plot = PlotFonts.NewPlot();
        foreach (var site in result.Sites)
        {
            var line = plot.Add.Scatter(rounds, evaluated.Select(r => r.PerSite![site].Headline).ToArray());
            line.LegendText = site;
        }

        var mean = plot.Add.Scatter(rounds, evaluated.Select(r => r.Headline ?? double.NaN).ToArray());
        mean.LegendText = "mean over sites";
        mean.LineWidth = 3;
        mean.Color = Colors.Black;
        plot.Title($"global model test {metric} per round");
        plot.XLabel("round");
        plot.YLabel(metric);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 900, 500);
    }
}
