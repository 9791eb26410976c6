using FedChain.Learning.Analysis.Results;
using ScottPlot;

namespace FedChain.Node.Reports;

/// <summary>Kaplan-Meier curves as step functions with dashed confidence limits, one colour per stratum, as a PNG.</summary>
internal static class KaplanMeierPlot
{
    public static void Save(KaplanMeierResult result, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (var s = 0; s < result.Strata.Count; s++)
        {
            var stratum = result.Strata[s];
            var color = palette.GetColor(s);
            double[] times = [0, .. stratum.Times];
            var curve = plot.Add.Scatter(times, [1, .. stratum.Survival]);
            curve.ConnectStyle = ConnectStyle.StepHorizontal;
            curve.MarkerSize = 0;
            curve.Color = color;
            curve.LineWidth = 2;
            curve.LegendText = stratum.Name;
            foreach (var limit in new[] { stratum.Lower, stratum.Upper })
            {
                var band = plot.Add.Scatter(times, [1, .. limit.Select(v => double.IsNaN(v) ? 0 : v)]);
                band.ConnectStyle = ConnectStyle.StepHorizontal;
                band.MarkerSize = 0;
                band.Color = color.WithAlpha(0.6);
                band.LinePattern = LinePattern.Dashed;
            }
        }

        plot.Axes.SetLimitsY(0, 1.02);
        plot.Title(result.Title);
        plot.XLabel("time");
        plot.YLabel("survival");
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, 900, 500);
    }
}
