using FedChain.Learning.Simulation;
using ScottPlot;

namespace FedChain.Node.Reports;

/// <summary>Line chart of each member's epsilon spent after each round of a DP run, with its budget, as a PNG.</summary>
internal static class EpsilonPlot
{
    public static void Save(SimulationResult result, string path)
    {
        var rounds = result.Rounds.Select(r => (double)r.Round).ToArray();
        var plot = new Plot();
        foreach (var site in result.Sites)
        {
            var line = plot.Add.Scatter(rounds, result.Rounds.Select(r => r.Privacy![site].EpsilonSpent).ToArray());
            line.LegendText = site;
        }

        var last = result.Rounds[^1].Privacy!.Values.First();
        var budget = plot.Add.HorizontalLine(last.EpsilonBudget);
        budget.LineColor = Colors.Black;
        budget.LinePattern = LinePattern.Dashed;
        budget.LegendText = "budget";
        plot.Title($"epsilon spent per member (delta {last.Delta:G3}), RDP accountant");
        plot.XLabel("round");
        plot.YLabel("epsilon spent so far");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 900, 500);
    }
}
