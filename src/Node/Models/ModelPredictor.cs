using System.Globalization;
using System.Text;
using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Mapping;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Training;

namespace FedChain.Node.Models;

/// <summary>
/// Scores new patients with a released model: their file goes through the schema's own ingestion
/// (the same validation as training, with the outcome columns not required), the package's
/// standardiser, and the model; every data line gets an output line, scored or saying why not.
/// </summary>
public static class ModelPredictor
{
    /// <param name="mapping">The site's mapping file for its export layout (null: a CSV with a header naming the schema's columns).</param>
    public static Predictions Predict(ModelPackage package, DatasetSchema schema, string csv, string? mapping = null)
    {
        if (package.Normalisation == Normalisation.PerSite)
            throw new InvalidDataException("this model was trained with per-site standardisation: each site scales with its own moments, which the package does not hold");
        var source = new SiteSource(Path.GetFileNameWithoutExtension(csv), csv, Mapping: mapping);
        var ingested = CsvIngestion.Load(ForScoring(schema), source);
        var data = package.Standardiser?.Apply(ingested.Data) ?? ingested.Data;
        var scores = LocalTrainer.Predict(package.Architecture(), package.Parameters, data);
        var byLine = (ingested.KeptLines ?? []).Select((line, i) => (line, i)).ToDictionary(x => x.line, x => scores[x.i]);
        var rows = new List<Prediction>();
        var header = (mapping is null ? SiteMapping.Default : SiteMapping.Load(mapping)).Format.Header;
        foreach (var line in DataLines(csv, header))
        {
            rows.Add(byLine.TryGetValue(line, out var score)
                ? new Prediction(line, score, package.Task == "binary" ? 1 / (1 + Math.Exp(-score)) : null, null)
                : new Prediction(line, null, null, Why(ingested.Report, line)));
        }

        return new Predictions(package.Task, rows, ingested.Report);
    }

    /// <summary>The schema with outcome and split columns read as attributes (never a reason to drop a row): new patients have no outcome yet.</summary>
    public static DatasetSchema ForScoring(DatasetSchema schema) => schema with
    {
        Columns = [.. schema.Columns.Select(c => c.Role is ColumnRole.Label or ColumnRole.Time or ColumnRole.Event or ColumnRole.Split ? c with { Role = ColumnRole.Attribute } : c)],
        Split = schema.Split with { Kind = schema.Split.Kind == SplitKind.Column ? SplitKind.Random : schema.Split.Kind },
    };

    /// <summary>The 1-based line numbers of the file's data lines (the header and blank lines are not rows).</summary>
    private static IEnumerable<int> DataLines(string csv, bool header)
    {
        var number = 0;
        foreach (var text in File.ReadLines(csv))
        {
            number++;
            if ((header && number == 1) || text.Trim().Length == 0) continue;
            yield return number;
        }
    }

    private static string Why(ValidationReport report, int line)
    {
        if (report.Rejected) return $"file rejected: {report.RejectionReason}";
        var issues = report.Issues.Where(i => i.Line == line).Select(i => $"{i.Column ?? "line"} {i.Kind}").ToList();
        return issues.Count > 0 ? $"dropped: {string.Join("; ", issues)}" : "dropped (see the validation report)";
    }
}

/// <param name="Score">The logit (binary) or Cox log-risk (survival); null when the row was not scored.</param>
/// <param name="Probability">Binary tasks: sigmoid of the score.</param>
/// <param name="Problem">Why the row was not scored.</param>
public sealed record Prediction(int Line, float? Score, double? Probability, string? Problem);

public sealed record Predictions(string Task, IReadOnlyList<Prediction> Rows, ValidationReport Report)
{
    public void WriteCsv(string path)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder(Task == "binary" ? "line,status,score,probability\n" : "line,status,log_risk\n");
        foreach (var row in Rows)
        {
            var status = row.Problem is null ? "ok" : $"\"{row.Problem.Replace("\"", "'", StringComparison.Ordinal)}\"";
            text.Append(inv, $"{row.Line},{status},{row.Score?.ToString("R", inv)}");
            if (Task == "binary") text.Append(inv, $",{row.Probability?.ToString("R", inv)}");
            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }
}
