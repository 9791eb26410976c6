using System.Globalization;
using System.Text;
using FedChain.Learning.Data;
using FedChain.Learning.Metrics;
using FedChain.Learning.Models;

namespace FedChain.Learning.Forecasting;

/// <summary>Forecasts for every district and week of a period.</summary>
public sealed record ForecastTable(IReadOnlyList<Forecast> Rows)
{
    /// <summary>The model's predictive distributions for the (scaled) rows, matched to their districts and weeks.</summary>
    public static ForecastTable From(ModelArchitecture model, float[] parameters, IReadOnlyList<SiteDataset> scaled, IReadOnlyList<ForecastRows> rows)
    {
        var forecasts = new List<Forecast>();
        for (var s = 0; s < scaled.Count; s++)
        {
            var (means, sizes) = CountMetrics.FromScores(model.Predict(parameters, scaled[s]), model.OutputCount);
            for (var i = 0; i < means.Length; i++) forecasts.Add(new Forecast(rows[s].Districts[i], rows[s].Weeks[i], means[i], sizes?[i] ?? double.PositiveInfinity));
        }

        return new ForecastTable(forecasts);
    }

    /// <summary>forecasts.csv: <c>district,year,week,mean,size</c>, district = the code in counts.csv's header, ordered by week then district; an infinite size (Poisson) is written <c>inf</c>.</summary>
    public string ToCsv(WeeklyCounts counts)
    {
        var inv = CultureInfo.InvariantCulture;
        var csv = new StringBuilder("district,year,week,mean,size\n");
        foreach (var f in Rows.OrderBy(r => r.Week).ThenBy(r => counts.Districts[r.District].Code, StringComparer.Ordinal))
        {
            var (year, week) = counts.Weeks[f.Week - 1];
            var size = double.IsPositiveInfinity(f.Size) ? "inf" : f.Size.ToString("R", inv);
            csv.Append(inv, $"{counts.Districts[f.District].Code},{year},{week},{f.Mean.ToString("R", inv)},{size}\n");
        }

        return csv.ToString();
    }
}
