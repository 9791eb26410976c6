using FedChain.Learning.Benchmarks;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;

namespace FedChain.Learning.Forecasting;

/// <summary>
/// Runs the forecasting protocol: every method chosen among on validation weeks inside the fit
/// weeks (<see cref="ForecastTuning"/>), then fitted once on the fit weeks over the seeds and scored
/// one step ahead on the test weeks, per region and overall, beside the naive forecast and the anchors.
/// </summary>
public static class ForecastBenchmark
{
    public static ForecastResult Run(ForecastProtocol protocol, WeeklyCounts counts, int seedCount, TimeProvider time, IProgress<BenchmarkProgress>? progress = null)
    {
        if (seedCount is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(seedCount), seedCount, "the protocol has 5 seeds (42-46); ask for 1 to 5");
        if (counts.WeekCount < protocol.TestTo) throw new ArgumentException($"the table ends at week {counts.WeekCount}; the protocol forecasts up to week {protocol.TestTo}", nameof(counts));
        var seeds = ForecastProtocol.Seeds.Take(seedCount).ToArray();
        var total = protocol.Methods.Count * (1 + seeds.Length);
        var done = 0;
        void Step(string method, long seed) => progress?.Report(new BenchmarkProgress(method, seed, ++done, total));

        // Tuning gets the table cut at the last fit week: the test weeks do not exist for it.
        var validation = ForecastTuning.ValidationScores(protocol, counts.Through(protocol.FitThrough), seeds[0], Step);
        var chosen = validation.MinBy(v => v.Value).Key;

        var regions = counts.Regions;
        var rows = regions.Select(r => protocol.RegionRows(counts, r)).ToArray();
        var train = rows.Select(r => r.Fit).ToArray();
        var test = rows.Select(r => r.Test).ToArray();
        var methods = new Dictionary<string, ForecastMethodResult>();
        ForecastTable? forecasts = null;
        foreach (var method in protocol.Methods)
        {
            var start = time.GetTimestamp();
            var perSeed = new List<ForecastScores>();
            foreach (var seed in seeds)
            {
                var table = Forecast(protocol, method, train, test, seed);
                perSeed.Add(ForecastScores.Of(table, counts));
                if (method.Name == chosen && seed == seeds[0]) forecasts = table;
                Step(method.Name, seed);
            }

            methods[method.Name] = ForecastMethodResult.Of(perSeed, validation[method.Name], time.GetElapsedTime(start).TotalSeconds);
        }

        var naive = ForecastScores.Of(Naive(counts, test), counts);
        return new ForecastResult("influenza-bybw", protocol.FitThrough, protocol.ValidationFrom, protocol.TestFrom, protocol.TestTo, seeds, regions,
            methods, ForecastMethodResult.Of([naive], double.NaN, 0), chosen, protocol.Anchors, forecasts!, ForecastResult.SharedStatement);
    }

    /// <summary>Trains <paramref name="method"/> federatedly on the regions' <paramref name="train"/> rows and forecasts their <paramref name="test"/> rows.</summary>
    public static ForecastTable Forecast(ForecastProtocol protocol, ForecastMethod method, IReadOnlyList<ForecastRows> train, IReadOnlyList<ForecastRows> test, long seed)
    {
        var plan = Plan(protocol, method, seed);
        var prepared = FederatedPreprocessing.Normalise(plan.Normalisation, [.. train.Select((t, i) => new SiteSplit(t.Data, test[i].Data))]);
        var run = FederatedSimulation.Run(plan, [.. prepared.Select(s => new SimulatedSite(s))], new SimulationOptions(EvaluateEveryRound: false));
        var model = plan.Architecture();
        return ForecastTable.From(model, run.FinalParameters, [.. prepared.Select(s => s.Test)], test);
    }

    /// <summary>The plan a method runs with one seed.</summary>
    public static TrainingPlan Plan(ForecastProtocol protocol, ForecastMethod method, long seed) => new TrainingPlan(
        TrainingPlan.CurrentFormatVersion, protocol.Features.Schema("influenza-bybw"), method.Normalisation, method.Model, method.Client,
        method.Server, method.Rounds, seed, method.Quantisation).Validate();

    /// <summary>"Same as last week": the mean is last week's count (a point forecast, so no size).</summary>
    private static ForecastTable Naive(WeeklyCounts counts, IReadOnlyList<ForecastRows> test) => new(
        [.. test.SelectMany(t => t.Districts.Select((d, i) => new Forecast(d, t.Weeks[i], counts.Count(t.Weeks[i] - 1, d), double.NaN)))]);
}
