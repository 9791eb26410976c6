using System.Globalization;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Survival;

/// <summary>
/// The two breast-cancer institutions, Rotterdam's tumour bank and the GBSG-2 trial, loaded onto one
/// layout. This is the one place that knows each export's own columns; the consortium's site
/// mappings (a schema plus one mapping file per institution) replace it once they exist.
/// Endpoint: recurrence-free survival. Rotterdam records relapse and death apart: time = rtime when
/// recur = 1, else dtime; event = recur OR death (data README). GBSG records it already (rfstime, status).
/// Features, in order: hormonal therapy (0/1, first so that a recommendation can flip it), age,
/// post-menopausal, tumour size 20-50 mm and &gt; 50 mm (0/1 each; GBSG's millimetres are binned
/// to Rotterdam's categories), grade, log(1 + positive nodes), log(1 + PgR), log(1 + ER).
/// </summary>
public static class BreastCancerSites
{
    public const string Rotterdam = "rotterdam";

    public const string Gbsg = "gbsg";

    /// <summary>Index of the hormonal-therapy feature.</summary>
    public const int HormonalTherapy = 0;

    public static IReadOnlyList<string> FeatureNames { get; } = ["hormon", "age", "meno", "size_20_50", "size_over_50", "grade", "log_nodes", "log_pgr", "log_er"];

    /// <summary>The schema of the harmonised rows: a survival task over <see cref="FeatureNames"/>.</summary>
    public static DatasetSchema Schema { get; } = new(
        "breast-cancer-rotterdam-gbsg", 1, new CsvFormat(true, ",", [""]),
        [.. FeatureNames.Select(n => new ColumnSpec(n)), new ColumnSpec("rfs_days", Role: ColumnRole.Time, Unit: "days"), new ColumnSpec("rfs_event", Role: ColumnRole.Event)],
        new TaskSpec(TaskKind.Survival, Time: "rfs_days", Event: "rfs_event"), new SplitRule(SplitKind.Random, TrainFraction: 2.0 / 3), new RowPolicy(),
        "recurrence-free survival of primary breast cancer: Rotterdam tumour bank and GBSG-2 trial, harmonised");

    /// <summary>Both sites from the data folder (rotterdam.csv, gbsg.csv), each with its patients' ids in row order.</summary>
    public static IReadOnlyList<CohortSite> Load(string folder) => [LoadRotterdam(Path.Combine(folder, "rotterdam.csv")), LoadGbsg(Path.Combine(folder, "gbsg.csv"))];

    private static CohortSite LoadRotterdam(string file) => Read(file, Rotterdam,
        ["pid", "year", "age", "meno", "size", "grade", "nodes", "pgr", "er", "hormon", "chemo", "rtime", "recur", "dtime", "death"],
        (r, line) =>
        {
            var recur = r.Number("recur", line);
            var size = r.Text("size") switch
            {
                "<=20" => 0,
                "20-50" => 1,
                ">50" => 2,
                _ => throw new InvalidDataException($"{file}:{line}: column 'size' is none of <=20, 20-50, >50"),
            };
            var time = recur == 1 ? r.Number("rtime", line) : r.Number("dtime", line);
            var evt = Math.Max(recur, r.Number("death", line));
            return (Features(r, line, size), time, evt);
        });

    private static CohortSite LoadGbsg(string file) => Read(file, Gbsg,
        ["pid", "age", "meno", "size", "grade", "nodes", "pgr", "er", "hormon", "rfstime", "status"],
        (r, line) =>
        {
            var millimetres = r.Number("size", line);
            var size = millimetres <= 20 ? 0 : millimetres <= 50 ? 1 : 2;
            return (Features(r, line, size), r.Number("rfstime", line), r.Number("status", line));
        });

    private static float[] Features(Row r, int line, int size) =>
    [
        (float)r.Number("hormon", line),
        (float)r.Number("age", line),
        (float)r.Number("meno", line),
        size == 1 ? 1 : 0,
        size == 2 ? 1 : 0,
        (float)r.Number("grade", line),
        (float)Math.Log(1 + r.Number("nodes", line)),
        (float)Math.Log(1 + r.Number("pgr", line)),
        (float)Math.Log(1 + r.Number("er", line)),
    ];

    private static CohortSite Read(string file, string site, string[] header, Func<Row, int, (float[] Features, double Time, double Event)> map)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"'{file}' does not exist", file);
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToArray();
        var columns = Split(lines[0]);
        if (!columns.SequenceEqual(header)) throw new InvalidDataException($"{file}:1: expected the header {string.Join(",", header)}");
        var features = new List<float>();
        var times = new List<float>();
        var events = new List<float>();
        var ids = new List<string>();
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = Split(lines[i]);
            if (fields.Length != header.Length) throw new InvalidDataException($"{file}:{i + 1}: expected {header.Length} fields, got {fields.Length}");
            var (x, time, evt) = map(new Row(file, columns, fields), i + 1);
            if (!(time > 0)) throw new InvalidDataException($"{file}:{i + 1}: the follow-up time must be positive");
            if (evt is not (0 or 1)) throw new InvalidDataException($"{file}:{i + 1}: the event must be 0 or 1");
            features.AddRange(x);
            times.Add((float)time);
            events.Add((float)evt);
            ids.Add(fields[0]);
        }

        return new CohortSite(new SiteDataset(site, FeatureNames.Count, [.. features], null, [.. times], [.. events]), ids);
    }

    private static string[] Split(string line) => [.. line.Split(',').Select(f => f.Trim().Trim('"'))];

    private sealed record Row(string File, string[] Columns, string[] Fields)
    {
        public string Text(string column) => Fields[Array.IndexOf(Columns, column)];

        // A bad cell is named by file, line and column, never by its value (it is a patient's record).
        public double Number(string column, int line) =>
            double.TryParse(Text(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                ? v
                : throw new InvalidDataException($"{File}:{line}: column '{column}' is not a number");
    }
}
