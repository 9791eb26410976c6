using System.Globalization;
using System.Text;
using FedChain.Learning.Benchmarks;

namespace FedChain.Node.Reports;

/// <summary>results.md: our numbers beside FLamby's published ones.</summary>
internal static class BenchmarkMarkdown
{
    public static string Render(BenchmarkResult result, TimeSpan elapsed)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"# FLamby benchmark: {result.Dataset}");
        text.AppendLine();
        text.AppendLine(inv, $"Headline = unweighted mean over the {result.Centers.Count} centers of each center's test {result.Metric}; mean +- sd (population) over seeds {string.Join(", ", result.Seeds)}.");
        text.AppendLine(inv, $"Centers: {string.Join(", ", result.Centers.Select((c, i) => $"{i} {c}"))}. Whole run: {elapsed.TotalSeconds:F1} s.");
        text.AppendLine();
        text.AppendLine(inv, $"| method | ours | FLamby | {string.Join(" | ", result.Centers.Select((_, i) => $"c{i}"))} | seconds | settings |");
        text.AppendLine(inv, $"|---|---|---|{string.Concat(result.Centers.Select(_ => "---|"))}---|---|");
        foreach (var (name, method) in result.Methods)
        {
            var published = result.Published.TryGetValue(name, out var p) ? $"{p.HeadlineMean:F3} +- {p.HeadlineSd:F3}" : "";
            var centers = string.Join(" | ", method.PerCenter.Select(c => c.ToString("F3", inv)));
            text.AppendLine(inv, $"| {name} | {method.HeadlineMean:F3} +- {method.HeadlineSd:F3} | {published} | {centers} | {method.Seconds:F1} | {method.Note} |");
        }

        var best = result.BestFederated;
        text.AppendLine();
        text.AppendLine(inv, $"Best federated: **{best.Key}** {best.Value.HeadlineMean:F3}; our pooled: {result.Methods["pooled"].HeadlineMean:F3}.");
        if (result.ValidationChoice() is { } chosen)
            text.AppendLine(inv, $"Chosen on validation among the tuned families (the model choice without test rows): **{chosen.Key}** {chosen.Value.HeadlineMean:F3}.");
        AppendPrivate(text, result);
        foreach (var tuning in result.Tuning)
        {
            text.AppendLine();
            text.AppendLine(inv, $"Tuning of `{tuning.Method}`: chose `{tuning.Chosen}`; {tuning.How}.");
            text.AppendLine();
            text.AppendLine("| candidate | validation headline |");
            text.AppendLine("|---|---|");
            foreach (var (candidate, score) in tuning.Candidates) text.AppendLine(inv, $"| {candidate} | {score:F4} |");
        }

        return text.ToString();
    }

    // The DP rows beside the best non-private federated headline (docs/privacy.md, "Benchmark").
    private static void AppendPrivate(StringBuilder text, BenchmarkResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var best = result.BestFederated;
        var rows = result.Private.ToArray();
        if (rows.Length == 0) return;
        text.AppendLine();
        text.AppendLine(inv, $"DP-SGD (each member's budget for the whole run) against the best non-private federated method, {best.Key}:");
        text.AppendLine();
        text.AppendLine("| method | epsilon | delta | headline | minus best non-private |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var (name, method) in rows)
            text.AppendLine(inv, $"| {name} | {method.Epsilon} | {method.Delta} | {method.HeadlineMean:F3} +- {method.HeadlineSd:F3} | {method.HeadlineMean - best.Value.HeadlineMean:+0.000;-0.000} |");
    }
}
