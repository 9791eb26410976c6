using FedChain.Learning.Simulation;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace FedChain.Node.Reports;

/// <summary>Bar chart of each member's total contribution score (honest sites blue, misbehaving red), as a PNG.</summary>
internal static class ContributionsPlot
{
    public static void Save(ContributionsReport report, string path)
    {
        var positions = Enumerable.Range(0, report.Totals.Count).Select(i => (double)i).ToArray();
        var plot = PlotFonts.NewPlot();
        var bars = plot.Add.Bars(positions, [.. report.Totals.Select(t => t.Utility)]);
        for (var i = 0; i < report.Totals.Count; i++)
        {
            bars.Bars[i].FillColor = report.Totals[i].Behaviour == SiteBehaviour.Honest ? Colors.SteelBlue : Colors.IndianRed;
        }

        plot.Add.HorizontalLine(0, color: Colors.Black);
        plot.Axes.Bottom.TickGenerator = new NumericManual(positions, [.. report.Totals.Select(t => t.Member)]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 90;
        plot.Title($"contribution over {report.Rounds.Count} rounds ({report.Method}, utility {report.Metric})");
        plot.YLabel("total score (sum of round scores, utility units)");
        plot.SavePng(path, 900, 520);
    }
}
