using FedChain.Learning.Forecasting;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Forecasting;

public sealed class ForecastFeaturesTests
{
    private static readonly Lazy<WeeklyCounts> Flu = new(() => WeeklyCounts.Load(Datasets.Folder("influenza-bybw")));

    [Fact]
    public void Load_GivesTheTableOf140DistrictsIn11Regions()
    {
        var sut = Flu.Value;

        Assert.Equal((416, 140), (sut.WeekCount, sut.Districts.Count));
        Assert.Equal(11, sut.Regions.Count);
        Assert.Equal(21921, Enumerable.Range(1, 416).Sum(w => Enumerable.Range(0, 140).Sum(d => sut.Count(w, d))));
        Assert.Equal((2001, 1), sut.Weeks[0]);
    }

    [Fact]
    public void Rows_OfWeekT_UseOnlyEarlierWeeks()
    {
        // Changing week 300's counts (and every later week's) leaves the rows that forecast week 300 unchanged.
        var sut = new ForecastFeatures(Lags: 4);
        var counts = Flu.Value;
        var altered = Altered(counts, fromWeek: 300, by: 50);

        var before = sut.Rows(counts, "BY-1", 300, 300);
        var after = sut.Rows(altered, "BY-1", 300, 300);

        Assert.Equal(before.Data.Features, after.Data.Features);
        Assert.NotEqual(before.Data.Labels, after.Data.Labels);
        Assert.Equal(23, before.Data.Count);
        Assert.Equal(sut.Count, before.Data.FeatureCount);
        Assert.Equal(sut.Names.Count, sut.Schema("x").FeatureCount);
    }

    [Fact]
    public void Through_DropsTheLaterWeeks_AndTuningRefusesMore()
    {
        var protocol = ForecastProtocol.Influenza();

        Assert.Equal(312, Flu.Value.Through(312).WeekCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => Flu.Value.Through(312).Count(313, 0));
        var error = Assert.Throws<ArgumentException>(() => ForecastTuning.ValidationScores(protocol, Flu.Value, 42));
        Assert.Contains("cut at week 312", error.Message);
    }

    [Fact]
    public void Benchmark_ChoiceAndValidation_DoNotDependOnTheTestWeeks()
    {
        // A small protocol (one log-linear method, few rounds) run twice: once on the real table, once with
        // every test week's counts changed. Validation scores and the choice are the same bits; test scores differ.
        var full = ForecastProtocol.Influenza();
        var method = full.Methods.First(m => m.Name == "federated_loglinear") with { Rounds = 2 };
        var protocol = full with { Features = new ForecastFeatures(Lags: 2), Methods = [method, method with { Name = "copy", Rounds = 1 }] };
        protocol = protocol with { Methods = [.. protocol.Methods.Select(m => m with { Model = m.Model with { Epidemic = new([2, 3]) } })] };

        var real = ForecastBenchmark.Run(protocol, Flu.Value, 1, TimeProvider.System);
        var changed = ForecastBenchmark.Run(protocol, Altered(Flu.Value, fromWeek: 313, by: 7), 1, TimeProvider.System);

        Assert.Equal(real.Methods.Select(m => m.Value.ValidationLogScore), changed.Methods.Select(m => m.Value.ValidationLogScore));
        Assert.Equal(real.Chosen, changed.Chosen);
        Assert.NotEqual(real.Methods[method.Name].Mae, changed.Methods[method.Name].Mae);
    }

    [Fact]
    public void ForecastsCsv_HasTheHeaderAndOneRowPerDistrictAndTestWeek()
    {
        var counts = Flu.Value;
        var table = new ForecastTable([new Forecast(0, 313, 1.5, 2.25), new Forecast(1, 313, 0.5, double.PositiveInfinity)]);

        var lines = table.ToCsv(counts).TrimEnd('\n').Split('\n');

        Assert.Equal("district,year,week,mean,size", lines[0]);
        Assert.Equal($"{counts.Districts[0].Code},2007,1,1.5,2.25", lines[1]);
        Assert.EndsWith(",inf", lines[2]);
    }

    private static WeeklyCounts Altered(WeeklyCounts counts, int fromWeek, int by)
    {
        var values = new int[counts.WeekCount, counts.Districts.Count];
        for (var w = 1; w <= counts.WeekCount; w++)
            for (var d = 0; d < counts.Districts.Count; d++) values[w - 1, d] = counts.Count(w, d) + (w >= fromWeek ? by : 0);
        return new WeeklyCounts(counts.Districts, counts.Weeks, values, counts.Borders);
    }
}
