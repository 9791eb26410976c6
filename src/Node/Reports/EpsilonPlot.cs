using FedChain.Learning.Simulation;
using ScottPlot;

namespace FedChain.Node.Reports;

/// <summary>Line chart of each member's epsilon spent after each round of a DP run, with its budget, as a PNG.</summary>
internal static class EpsilonPlot
{
    public static void Save(SimulationResult result, string path)
    {
        var last = result.Rounds[^1].Privacy!.Values.First();
        Save([.. result.Rounds.Select(r => (double)r.Round)],
            result.Sites.ToDictionary(site => site, site => result.Rounds.Select(r => r.Privacy![site].EpsilonSpent).ToArray()),
            last.EpsilonBudget, last.Delta, "RDP accountant", path);
    }

    /// <param name="spent">Per member, its epsilon spent after each of <paramref name="rounds"/>.</param>
    /// <param name="source">Where the figures come from, for the title.</param>
    public static void Save(double[] rounds, IReadOnlyDictionary<string, double[]> spent, double budget, double delta, string source, string path)
    {
        var plot = PlotFonts.NewPlot();
        foreach (var (site, values) in spent)
        {
            var line = plot.Add.Scatter(rounds, values);
            line.LegendText = site;
        }

        var limit = plot.Add.HorizontalLine(budget);
        limit.LineColor = Colors.Black;
        limit.LinePattern = LinePattern.Dashed;
        limit.LegendText = "budget";
        plot.Title($"epsilon spent per member (delta {delta:G3}), {source}");
        plot.XLabel("round");
        plot.YLabel("epsilon spent so far");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 900, 500);
    }
}
