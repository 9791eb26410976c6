using FedChain.Learning.Metrics;

namespace FedChain.Learning.Forecasting;

/// <summary>MAE, RMSE and mean logS of a forecast table against the observed counts, overall and per region.</summary>
public sealed record ForecastScores(MetricSet Overall, IReadOnlyDictionary<string, MetricSet> PerRegion)
{
    public static ForecastScores Of(ForecastTable table, WeeklyCounts counts)
    {
        MetricSet Score(IEnumerable<Forecast> rows)
        {
            var list = rows.ToArray();
            var point = list.Any(f => double.IsNaN(f.Size));
            var metrics = CountMetrics.Compute([.. list.Select(f => f.Mean)], point ? null : [.. list.Select(f => f.Size)], [.. list.Select(f => (float)counts.Count(f.Week, f.District))]);
            return point ? metrics with { LogScore = null } : metrics;
        }

        var perRegion = table.Rows.GroupBy(f => counts.Districts[f.District].Region).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Score(g));
        return new ForecastScores(Score(table.Rows), perRegion);
    }
}
