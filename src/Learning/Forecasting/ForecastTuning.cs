namespace FedChain.Learning.Forecasting;

/// <summary>
/// Chooses among the methods on validation weeks inside the fit weeks: each is fitted on target
/// weeks up to <see cref="ForecastProtocol.ValidationFrom"/> - 1 and scored one step ahead on
/// <see cref="ForecastProtocol.ValidationFrom"/> .. <see cref="ForecastProtocol.FitThrough"/>.
/// It receives a table that ends at the last fit week, so the test weeks cannot reach it.
/// </summary>
public static class ForecastTuning
{
    /// <returns>Each method's mean logarithmic score on the validation weeks (lower is better).</returns>
    public static IReadOnlyDictionary<string, double> ValidationScores(ForecastProtocol protocol, WeeklyCounts fitWeeks, long seed, Action<string, long>? step = null)
    {
        if (fitWeeks.WeekCount != protocol.FitThrough) throw new ArgumentException($"tuning takes the table cut at week {protocol.FitThrough}, got {fitWeeks.WeekCount} weeks", nameof(fitWeeks));
        var regions = fitWeeks.Regions;
        var fit = regions.Select(r => protocol.Features.Rows(fitWeeks, r, protocol.Features.Lags + 1, protocol.ValidationFrom - 1)).ToArray();
        var validation = regions.Select(r => protocol.Features.Rows(fitWeeks, r, protocol.ValidationFrom, protocol.FitThrough)).ToArray();
        var scores = new Dictionary<string, double>();
        foreach (var method in protocol.Methods)
        {
            var table = ForecastBenchmark.Forecast(protocol, method, fit, validation, seed);
            scores[method.Name] = ForecastScores.Of(table, fitWeeks).Overall.LogScore!.Value;
            step?.Invoke($"{method.Name}: validation", seed);
        }

        return scores;
    }
}
