using FedChain.Learning.Survival;
using ScottPlot;

namespace FedChain.Node.Reports;

/// <summary>Kaplan-Meier curves of recurrence-free survival: patients treated as the model recommends against the others.</summary>
internal static class SurvivalCurvesPlot
{
    public static void Save(TreatmentRecommendation recommendation, string model, string path)
    {
        var plot = new Plot();
        Add(plot, recommendation.CurveAsRecommended, $"treated as recommended (n = {recommendation.AsRecommended})");
        Add(plot, recommendation.CurveNotAsRecommended, $"not as recommended (n = {recommendation.NotAsRecommended})");
        plot.Title(FormattableString.Invariant($"RFS by hormonal-therapy recommendation ({model}): HR {recommendation.HazardRatio:F2}, log-rank p {recommendation.P:G3}"));
        plot.XLabel("days");
        plot.YLabel("recurrence-free survival");
        plot.Axes.SetLimitsY(0, 1.02);
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, 900, 500);
    }

    private static void Add(Plot plot, KaplanMeier curve, string label)
    {
        // A step function: each drop happens at its event time.
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < curve.Times.Count; i++)
        {
            if (i > 0) { xs.Add(curve.Times[i]); ys.Add(curve.Survival[i - 1]); }
            xs.Add(curve.Times[i]);
            ys.Add(curve.Survival[i]);
        }

        var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
        line.MarkerSize = 0;
        line.LegendText = label;
    }
}
