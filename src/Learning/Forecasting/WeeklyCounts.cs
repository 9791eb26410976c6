using System.Globalization;

namespace FedChain.Learning.Forecasting;

/// <summary>
/// Weekly case counts per district (weeks in rows, districts in columns), with the districts'
/// regions, population shares and shared borders: the layout of data/influenza-bybw.
/// </summary>
public sealed class WeeklyCounts
{
    private readonly int[,] _counts;

    public WeeklyCounts(IReadOnlyList<District> districts, IReadOnlyList<(int Year, int Week)> weeks, int[,] counts, bool[,] borders)
    {
        if (counts.GetLength(0) != weeks.Count || counts.GetLength(1) != districts.Count) throw new ArgumentException($"counts are {counts.GetLength(0)} x {counts.GetLength(1)}, expected {weeks.Count} weeks x {districts.Count} districts", nameof(counts));
        if (borders.GetLength(0) != districts.Count || borders.GetLength(1) != districts.Count) throw new ArgumentException("the border matrix must be districts x districts", nameof(borders));
        Districts = districts;
        Weeks = weeks;
        _counts = counts;
        Borders = borders;
    }

    public IReadOnlyList<District> Districts { get; }

    /// <summary>(year, week) of each row; row index + 1 is the week number 1..N used by the protocol.</summary>
    public IReadOnlyList<(int Year, int Week)> Weeks { get; }

    /// <summary>True where two districts share a border.</summary>
    public bool[,] Borders { get; }

    public int WeekCount => Weeks.Count;

    /// <summary>The count of district <paramref name="district"/> in week number <paramref name="week"/> (1-based).</summary>
    public int Count(int week, int district) => week >= 1 && week <= WeekCount
        ? _counts[week - 1, district]
        : throw new ArgumentOutOfRangeException(nameof(week), week, $"the table holds weeks 1..{WeekCount}");

    /// <summary>The regions in name order: the institutions.</summary>
    public IReadOnlyList<string> Regions => [.. Districts.Select(d => d.Region).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Only weeks 1..<paramref name="lastWeek"/>: what exists at that point in time. Tuning receives this, so later weeks cannot reach it.</summary>
    public WeeklyCounts Through(int lastWeek)
    {
        if (lastWeek < 1 || lastWeek > WeekCount) throw new ArgumentOutOfRangeException(nameof(lastWeek), lastWeek, $"the table has weeks 1..{WeekCount}");
        var counts = new int[lastWeek, Districts.Count];
        for (var w = 0; w < lastWeek; w++)
            for (var d = 0; d < Districts.Count; d++) counts[w, d] = _counts[w, d];
        return new WeeklyCounts(Districts, [.. Weeks.Take(lastWeek)], counts, Borders);
    }

    /// <summary>Loads counts.csv, districts.csv and adjacency.csv from <paramref name="folder"/>; errors name the file and line.</summary>
    public static WeeklyCounts Load(string folder)
    {
        var districts = ReadDistricts(Path.Combine(folder, "districts.csv"));
        var index = districts.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var (weeks, counts) = ReadCounts(Path.Combine(folder, "counts.csv"), index);
        var borders = ReadBorders(Path.Combine(folder, "adjacency.csv"), index);
        return new WeeklyCounts(districts, weeks, counts, borders);
    }

    private static List<District> ReadDistricts(string file)
    {
        var lines = Lines(file);
        Expect(file, lines[0], ["district", "name", "region", "population_fraction"]);
        var districts = new List<District>();
        for (var i = 1; i < lines.Count; i++)
        {
            var f = lines[i];
            if (f.Length != 4) throw new InvalidDataException($"{file}:{i + 1}: expected 4 fields, got {f.Length}");
            districts.Add(new District(f[0], f[1], f[2], Number(file, i, f[3])));
        }

        return districts;
    }

    private static (List<(int, int)>, int[,]) ReadCounts(string file, Dictionary<string, int> index)
    {
        var lines = Lines(file);
        var header = lines[0];
        if (header.Length < 3 || header[0] != "year" || header[1] != "week") throw new InvalidDataException($"{file}:1: the header must start with year,week");
        var columns = header.Skip(2).Select(code => index.TryGetValue(code, out var d) ? d : throw new InvalidDataException($"{file}:1: district '{code}' is not in districts.csv")).ToArray();
        if (columns.Length != index.Count) throw new InvalidDataException($"{file}:1: {columns.Length} district columns, districts.csv lists {index.Count}");
        var weeks = new List<(int, int)>();
        var counts = new int[lines.Count - 1, index.Count];
        for (var i = 1; i < lines.Count; i++)
        {
            var f = lines[i];
            if (f.Length != header.Length) throw new InvalidDataException($"{file}:{i + 1}: expected {header.Length} fields, got {f.Length}");
            weeks.Add(((int)Number(file, i, f[0]), (int)Number(file, i, f[1])));
            for (var c = 0; c < columns.Length; c++)
            {
                var value = Number(file, i, f[c + 2]);
                if (value < 0 || value != Math.Floor(value)) throw new InvalidDataException($"{file}:{i + 1}: district {header[c + 2]}: a count must be a whole number >= 0");
                counts[i - 1, columns[c]] = (int)value;
            }
        }

        return (weeks, counts);
    }

    private static bool[,] ReadBorders(string file, Dictionary<string, int> index)
    {
        var lines = Lines(file);
        var header = lines[0];
        var borders = new bool[index.Count, index.Count];
        if (lines.Count - 1 != index.Count || header.Length != index.Count + 1) throw new InvalidDataException($"{file}: expected a {index.Count} x {index.Count} matrix with a district column");
        for (var i = 1; i < lines.Count; i++)
        {
            var f = lines[i];
            var row = index.TryGetValue(f[0], out var r) ? r : throw new InvalidDataException($"{file}:{i + 1}: district '{f[0]}' is not in districts.csv");
            for (var c = 1; c < f.Length; c++)
            {
                var column = index.TryGetValue(header[c], out var k) ? k : throw new InvalidDataException($"{file}:1: district '{header[c]}' is not in districts.csv");
                borders[row, column] = f[c] switch { "1" => true, "0" => false, _ => throw new InvalidDataException($"{file}:{i + 1}: cell {c + 1} must be 0 or 1") };
            }
        }

        return borders;
    }

    private static List<string[]> Lines(string file)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"'{file}' does not exist", file);
        var lines = File.ReadLines(file).Where(l => l.Length > 0).Select(l => l.Split(',').Select(f => f.Trim().Trim('"')).ToArray()).ToList();
        if (lines.Count < 2) throw new InvalidDataException($"{file}: no rows");
        return lines;
    }

    private static void Expect(string file, string[] header, string[] expected)
    {
        if (!header.SequenceEqual(expected)) throw new InvalidDataException($"{file}:1: expected the header {string.Join(",", expected)}");
    }

    private static double Number(string file, int line, string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InvalidDataException($"{file}:{line + 1}: '{field}' is not a number");
}
