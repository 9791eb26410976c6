using FedChain.Node.Audit;
using Spectre.Console;

namespace FedChain.Node.Reports;

/// <summary>An audit's outcome on the console: what was checked and each blob voted out, then each finding or a pass.</summary>
internal static class AuditSummary
{
    public static void Show(AuditResult result)
    {
        AnsiConsole.MarkupLineInterpolated($"audit: {result.PlansChecked} plans, {result.RoundsChecked} rounds, {result.BlobsChecked} committed blobs checked");
        foreach (var exclusion in result.Exclusions) AnsiConsole.MarkupLineInterpolated($"voted out: {exclusion}");
        if (result.Ok)
        {
            AnsiConsole.MarkupLine("[green]audit passed: no findings[/]");
            return;
        }

        foreach (var finding in result.Findings) AnsiConsole.MarkupLineInterpolated($"[red]finding:[/] {finding}");
    }
}
