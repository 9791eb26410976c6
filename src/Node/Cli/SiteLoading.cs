using FedChain.Learning.Data;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>Ingests a dataset folder's sites and prints each site's validation report.</summary>
internal static class SiteLoading
{
    /// <returns>The accepted sites, or null (after saying why) when none is usable.</returns>
    public static IReadOnlyList<SiteDataset>? IngestAndReport(DatasetFolder folder)
    {
        var ingested = folder.Sites.Ingest(folder.Schema);
        foreach (var site in ingested)
        {
            var colour = site.Report.Rejected ? "red" : site.Report.RowsDropped > 0 ? "yellow" : "green";
            AnsiConsole.MarkupLine($"[{colour}]{Markup.Escape(site.Report.ToString())}[/]");
        }

        var accepted = ingested.Where(s => !s.Report.Rejected).Select(s => s.Data).ToArray();
        if (accepted.Length > 0) return accepted;
        AnsiConsole.MarkupLine("[red]no site was accepted; nothing to train on[/]");
        return null;
    }
}
