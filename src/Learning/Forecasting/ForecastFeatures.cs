using System.Globalization;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Forecasting;

/// <summary>
/// The rows a region trains and forecasts on: one per district and target week t, built only from
/// counts of weeks before t. The first <see cref="Lags"/> x 4 features are a sequence, oldest week
/// first, with four channels per week: log(1 + y) of the district itself, and log(1 + mean) over
/// its first-order neighbours, over its second-order neighbours, and over all districts. The
/// neighbours' counts may lie in other regions: they are weekly notifiable-disease counts, which
/// are released publicly by law (SurvStat@RKI), so a region reads them as released statistics, not
/// as another institution's records. Then static features: two seasonal harmonics of the target
/// week (period 52) and the district's log population share times the number of districts.
/// </summary>
/// <param name="Lags">Past weeks per row.</param>
public sealed record ForecastFeatures(int Lags = 8)
{
    /// <summary>Values per past week: own, neighbours, second-order neighbours, all districts.</summary>
    public const int Channels = 4;

    private static readonly string[] ChannelNames = ["own", "neighbours", "second_order", "all"];

    private static readonly string[] StaticNames = ["season_sin1", "season_cos1", "season_sin2", "season_cos2", "log_population"];

    public int Count => Lags * Channels + StaticNames.Length;

    /// <summary>Feature names in input order: <c>own_lag8 .. all_lag1</c>, then the static features.</summary>
    public IReadOnlyList<string> Names =>
        [.. Enumerable.Range(0, Lags).SelectMany(step => ChannelNames.Select(c => $"{c}_lag{Lags - step}")), .. StaticNames];

    /// <summary>
    /// The rows of <paramref name="region"/>'s districts for target weeks <paramref name="fromWeek"/>
    /// to <paramref name="toWeek"/> (1-based, inclusive), each with its observed count as the label.
    /// </summary>
    public ForecastRows Rows(WeeklyCounts counts, string region, int fromWeek, int toWeek)
    {
        if (fromWeek <= Lags) throw new ArgumentOutOfRangeException(nameof(fromWeek), fromWeek, $"the first target week needs {Lags} weeks before it");
        if (toWeek > counts.WeekCount) throw new ArgumentOutOfRangeException(nameof(toWeek), toWeek, $"the table ends at week {counts.WeekCount}");
        var districts = Enumerable.Range(0, counts.Districts.Count).Where(d => counts.Districts[d].Region == region).ToArray();
        if (districts.Length == 0) throw new ArgumentException($"no district belongs to region '{region}'", nameof(region));
        var rings = NeighbourRings(counts);
        var all = Enumerable.Range(0, counts.Districts.Count).ToArray();
        var features = new List<float>();
        var labels = new List<float>();
        var rowDistricts = new List<int>();
        var rowWeeks = new List<int>();
        for (var week = fromWeek; week <= toWeek; week++)
        {
            foreach (var d in districts)
            {
                for (var step = 0; step < Lags; step++)
                {
                    var past = week - Lags + step;
                    features.Add(Log1p(counts.Count(past, d)));
                    features.Add(Log1p(Mean(counts, past, rings[d].First)));
                    features.Add(Log1p(Mean(counts, past, rings[d].Second)));
                    features.Add(Log1p(Mean(counts, past, all)));
                }

                var phase = 2 * Math.PI * counts.Weeks[week - 1].Week / 52;
                features.Add((float)Math.Sin(phase));
                features.Add((float)Math.Cos(phase));
                features.Add((float)Math.Sin(2 * phase));
                features.Add((float)Math.Cos(2 * phase));
                features.Add((float)Math.Log(counts.Districts[d].PopulationFraction * counts.Districts.Count));
                labels.Add(counts.Count(week, d));
                rowDistricts.Add(d);
                rowWeeks.Add(week);
            }
        }

        var data = new SiteDataset(region, Count, [.. features], [.. labels], null, null);
        return new ForecastRows(data, [.. rowDistricts], [.. rowWeeks]);
    }

    /// <summary>The schema of the rows: every feature numeric, the count as the label of a count task.</summary>
    public DatasetSchema Schema(string name)
    {
        ColumnSpec[] columns =
        [
            .. Names.Select(n => new ColumnSpec(n, Description: Describe(n))),
            // Weekly notifiable-disease counts are published by law (SurvStat@RKI): no cell suppression.
            new("count", Role: ColumnRole.Label, Min: 0, PublicCounts: true, Description: "cases notified in the district in the target week"),
        ];
        return new DatasetSchema(name, 1, columns, new TaskSpec(TaskKind.Count, Label: "count"),
            new SplitRule(SplitKind.Random), new RowPolicy(), string.Create(CultureInfo.InvariantCulture,
                $"one-step-ahead forecast rows (one per district and target week), {Lags} past weeks x {Channels} channels, then {StaticNames.Length} static features; the forecasting protocol splits rows by target week, not at random"));
    }

    private static string Describe(string name)
    {
        var lag = name.LastIndexOf("_lag", StringComparison.Ordinal);
        if (lag < 0)
        {
            return name == "log_population"
                ? "log(population share x number of districts)"
                : $"{(name.Contains("sin", StringComparison.Ordinal) ? "sine" : "cosine")} of the target week's {(name.EndsWith('2') ? "second" : "first")} harmonic, period 52 weeks";
        }

        var of = name[..lag] switch
        {
            "own" => "the district",
            "neighbours" => "the mean of its first-order neighbours",
            "second_order" => "the mean of its second-order neighbours",
            _ => "the mean of all districts",
        };
        return $"log(1 + cases) of {of}, {name[(lag + 4)..]} week(s) before the target week";
    }

    private static float Log1p(double x) => (float)Math.Log(1 + x);

    private static double Mean(WeeklyCounts counts, int week, int[] districts)
    {
        if (districts.Length == 0) return 0;
        double sum = 0;
        foreach (var d in districts) sum += counts.Count(week, d);
        return sum / districts.Length;
    }

    /// <summary>Each district's first- and second-order neighbours (shortest path 1 and 2 over shared borders).</summary>
    private static (int[] First, int[] Second)[] NeighbourRings(WeeklyCounts counts)
    {
        var n = counts.Districts.Count;
        var rings = new (int[], int[])[n];
        for (var d = 0; d < n; d++)
        {
            var first = Enumerable.Range(0, n).Where(j => j != d && counts.Borders[d, j]).ToArray();
            var second = first.SelectMany(j => Enumerable.Range(0, n).Where(k => counts.Borders[j, k]))
                .Distinct().Where(k => k != d && !first.Contains(k)).Order().ToArray();
            rings[d] = (first, second);
        }

        return rings;
    }
}
