using FedChain.Learning.Analysis.Results;
using ScottPlot;

namespace FedChain.Node.Reports;

/// <summary>A model's coefficients (intercept left out) with their confidence intervals, one row each, as a PNG.</summary>
internal static class ForestPlot
{
    public static void Save(string title, string scale, IReadOnlyList<Coefficient> coefficients, string path)
    {
        var shown = coefficients.Where(c => c.Term != "(Intercept)").ToArray();
        var plot = new Plot();
        for (var i = 0; i < shown.Length; i++)
        {
            var y = shown.Length - i;
            var line = plot.Add.Line(shown[i].CiLower, y, shown[i].CiUpper, y);
            line.LineWidth = 2;
            line.Color = Colors.Black;
            var marker = plot.Add.Marker(shown[i].Estimate, y);
            marker.Size = 8;
            marker.Color = Colors.DarkBlue;
        }

        var zero = plot.Add.VerticalLine(0);
        zero.LinePattern = LinePattern.Dashed;
        zero.Color = Colors.Gray;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. shown.Select((_, i) => (double)(shown.Length - i))], [.. shown.Select(c => c.Term)]);
        plot.Axes.SetLimitsY(0.3, shown.Length + 0.7);
        plot.Title(title);
        plot.XLabel(scale);
        plot.SavePng(path, 900, Math.Max(250, 60 + 32 * shown.Length));
    }
}
