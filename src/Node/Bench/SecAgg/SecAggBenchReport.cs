using System.Globalization;
using System.Text.Json;
using ScottPlot;
using Spectre.Console;

namespace FedChain.Node.Bench.SecAgg;

/// <summary>Prints the secure-aggregation figures and writes secagg.json and secagg.png.</summary>
internal static class SecAggBenchReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Print(IAnsiConsole console, SecAggBenchResult result)
    {
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]Secure aggregation[/]: {result.Members} members, {result.MegabytesPerMember:G4} MB ({result.VectorLength:N0} uint32) each, threshold {result.Threshold}, {(result.Neighbours is { } k ? $"{k} neighbours (SecAgg+)" : "complete graph")}"));
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Mask generation (AES-256-CTR, one core): [bold]{result.MaskGenerationGigabytesPerSecond:F2} GB/s[/] (1-minute load average {result.LoadAverage?.ToString("F1", CultureInfo.InvariantCulture) ?? "unknown"} on {Environment.ProcessorCount} cores)"));
        foreach (var scenario in result.Scenarios)
        {
            var table = new Table().Title($"{scenario.Dropouts} dropout(s) after key sharing").AddColumns("step", "mean ms / member", "max ms", "bytes sent / member");
            foreach (var step in scenario.PerMemberSteps)
                table.AddRow(step.Step, Format(step.MeanMilliseconds), Format(step.MaxMilliseconds), step.MeanBytes.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("[bold]per member[/]", $"[bold]{Format(scenario.PerMemberMilliseconds)}[/]", "", $"[bold]{scenario.PerMemberBytes.ToString("N0", CultureInfo.InvariantCulture)}[/]");
            table.AddRow("unmask the sum (each node)", Format(scenario.UnmaskSumMilliseconds), "", "0");
            console.Write(table);
            console.MarkupLine(scenario.SumEqualsPlainSum ? "unmasked sum equals the plain sum: [green]yes[/]" : "unmasked sum equals the plain sum: [red]NO[/]");
        }
    }

    public static void Write(string directory, SecAggBenchResult result)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "secagg.json"), JsonSerializer.Serialize(result, Json));

        var plot = Reports.PlotFonts.NewPlot();
        var scenarios = result.Scenarios;
        var steps = scenarios[0].PerMemberSteps.Select(s => s.Step).Append("unmask-sum").ToArray();
        for (var s = 0; s < scenarios.Count; s++)
        {
            var values = scenarios[s].PerMemberSteps.Select(x => x.MeanMilliseconds).Append(scenarios[s].UnmaskSumMilliseconds).ToArray();
            var bars = plot.Add.Bars(values.Select((v, i) => new Bar { Position = i * (scenarios.Count + 1) + s, Value = v }).ToList());
            bars.LegendText = $"{scenarios[s].Dropouts} dropout(s)";
            bars.Color = new ScottPlot.Palettes.Category10().GetColor(s);
        }
        plot.Axes.Bottom.SetTicks([.. steps.Select((_, i) => (double)(i * (scenarios.Count + 1)) + (scenarios.Count - 1) / 2.0)], steps);
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("milliseconds per member (mean)");
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Secure aggregation, {result.Members} members x {result.MegabytesPerMember:G4} MB"));
        plot.ShowLegend();
        plot.SavePng(Path.Combine(directory, "secagg.png"), 900, 500);
    }

    private static string Format(double milliseconds) => milliseconds.ToString("F2", CultureInfo.InvariantCulture);
}
