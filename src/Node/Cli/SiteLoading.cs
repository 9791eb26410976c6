using FedChain.Learning.Data;
using FedChain.Learning.Data.Ingestion;
using FedChain.Node.Datasets;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>Ingests a dataset folder's sites and prints each site's validation report.</summary>
internal static class SiteLoading
{
    /// <returns>The accepted sites, or null (after saying why) when none is usable.</returns>
    public static IReadOnlyList<SiteDataset>? IngestAndReport(DatasetFolder folder) => IngestAndReport(folder, out _);

    /// <param name="reports">Every site's validation report, accepted or not.</param>
    public static IReadOnlyList<SiteDataset>? IngestAndReport(DatasetFolder folder, out IReadOnlyList<ValidationReport> reports) =>
        IngestAccepted(folder, out reports)?.Select(s => s.Data).ToArray();

    /// <returns>The accepted sites with their rows for analyses, or null (after saying why) when none is usable.</returns>
    public static IReadOnlyList<IngestedSite>? IngestAccepted(DatasetFolder folder, out IReadOnlyList<ValidationReport> reports)
    {
        var ingested = folder.Sites.Ingest(folder.Schema);
        reports = [.. ingested.Select(s => s.Report)];
        foreach (var site in ingested)
        {
            var colour = site.Report.Rejected ? "red" : site.Report.RowsDropped > 0 ? "yellow" : "green";
            AnsiConsole.MarkupLine($"[{colour}]{Markup.Escape(site.Report.ToString())}[/]");
        }

        var accepted = ingested.Where(s => !s.Report.Rejected).ToArray();
        if (accepted.Length > 0) return accepted;
        AnsiConsole.MarkupLine("[red]no site was accepted: nothing to work on[/]");
        return null;
    }
}
