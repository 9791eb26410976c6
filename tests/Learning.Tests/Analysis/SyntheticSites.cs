using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Tests.Analysis;

/// <summary>Small hand-made sites over a small schema, for disclosure and engine tests.</summary>
internal static class SyntheticSites
{
    // x: numeric 0-100; group: categorical a/b/c; region: categorical with counts public by law; y: 0/1; time in days; event 0/1.
    public const string SchemaJson = """
        {
          "name": "synthetic", "version": 1,
          "columns": [
            { "name": "x", "min": 0, "max": 100 },
            { "name": "group", "type": "categorical", "categories": [ { "code": "a" }, { "code": "b" }, { "code": "c" } ] },
            { "name": "region", "role": "attribute", "type": "categorical", "publicCounts": true, "categories": [ { "code": "north" }, { "code": "south" } ] },
            { "name": "y", "role": "attribute", "min": 0, "max": 1 },
            { "name": "time", "role": "time", "unit": "days", "min": 0, "max": 1000 },
            { "name": "event", "role": "event", "min": 0, "max": 1 }
          ],
          "task": { "kind": "survival", "time": "time", "event": "event" },
          "split": { "kind": "random" },
          "rows": {}
        }
        """;

    public static DatasetSchema Schema { get; } = DatasetSchema.Parse(SchemaJson, "synthetic.json");

    /// <summary>A site of <paramref name="rows"/> seeded rows: x uniform, group a/b/c with c rare, y ~ Bernoulli(x/100), exponential times.</summary>
    public static SiteTable Site(string name, int rows, int seed, int rareGroupRows = 2)
    {
        var random = new Random(seed);
        var columns = new Dictionary<string, double[]>
        {
            ["x"] = new double[rows], ["group"] = new double[rows], ["region"] = new double[rows], ["y"] = new double[rows], ["time"] = new double[rows], ["event"] = new double[rows],
        };
        for (var r = 0; r < rows; r++)
        {
            var x = Math.Round(random.NextDouble() * 100, 1);
            columns["x"][r] = x;
            columns["group"][r] = r < rareGroupRows ? 2 : r % 2;
            columns["region"][r] = r < rareGroupRows ? 1 : 0;
            columns["y"][r] = random.NextDouble() < x / 100 ? 1 : 0;
            columns["time"][r] = Math.Min(1000, Math.Ceiling(-Math.Log(1 - random.NextDouble()) * 300 * (1 + x / 100)));
            columns["event"][r] = random.NextDouble() < 0.7 ? 1 : 0;
        }

        return new SiteTable(name, Schema, rows, columns);
    }

    public static AnalysisPlan Plan(bool secureAggregation, int k, params AnalysisSpec[] analyses) =>
        new AnalysisPlan(1, new DisclosureSettings(k), analyses, Schema, secureAggregation).Validate();
}
