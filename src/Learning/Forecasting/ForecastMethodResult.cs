using System.Text.Json.Serialization;
using FedChain.Learning.Benchmarks;
using FedChain.Learning.Metrics;

namespace FedChain.Learning.Forecasting;

/// <summary>One method's test-week scores: overall means and population sds over the seeds, each region's means over the seeds, and its validation logS.</summary>
public sealed record ForecastMethodResult(
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("mae_sd")] double MaeSd,
    [property: JsonPropertyName("rmse")] double Rmse,
    [property: JsonPropertyName("rmse_sd")] double RmseSd,
    [property: JsonPropertyName("logs")] double? LogScore,
    [property: JsonPropertyName("logs_sd")] double? LogScoreSd,
    [property: JsonPropertyName("per_region")] IReadOnlyDictionary<string, RegionScores> PerRegion,
    [property: JsonPropertyName("per_seed")] IReadOnlyList<RegionScores> PerSeed,
    [property: JsonPropertyName("validation_logs")] double ValidationLogScore,
    [property: JsonPropertyName("seconds")] double Seconds)
{
    public static ForecastMethodResult Of(IReadOnlyList<ForecastScores> perSeed, double validation, double seconds)
    {
        var mae = SeedSummary.Of(perSeed.Select(s => s.Overall.Mae!.Value));
        var rmse = SeedSummary.Of(perSeed.Select(s => s.Overall.Rmse!.Value));
        var logs = perSeed[0].Overall.LogScore is null ? ((double, double)?)null : SeedSummary.Of(perSeed.Select(s => s.Overall.LogScore!.Value));
        var regions = perSeed[0].PerRegion.Keys.ToDictionary(r => r, r => RegionScores.Mean(perSeed.Select(s => s.PerRegion[r])));
        return new ForecastMethodResult(mae.Mean, mae.Sd, rmse.Mean, rmse.Sd, logs?.Item1, logs?.Item2, regions,
            [.. perSeed.Select(s => RegionScores.Mean([s.Overall]))], validation, seconds);
    }
}

/// <summary>MAE, RMSE and mean logS (null for a point forecast).</summary>
public sealed record RegionScores(
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("rmse")] double Rmse,
    [property: JsonPropertyName("logs")] double? LogScore)
{
    public static RegionScores Mean(IEnumerable<MetricSet> sets)
    {
        var s = sets.ToArray();
        return new RegionScores(s.Average(m => m.Mae!.Value), s.Average(m => m.Rmse!.Value), s[0].LogScore is null ? null : s.Average(m => m.LogScore!.Value));
    }
}
