using System.CommandLine;
using FedChain.Contracts.Client;
using FedChain.Node.Demo;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain demo`: a whole consortium on real data, from an empty chain to an audited release.</summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for report.json, report.html, plots, node folders and logs.", DefaultValueFactory = _ => new DirectoryInfo("demo-out") };
        var rounds = new Option<int>("--rounds") { Description = "Training rounds.", DefaultValueFactory = _ => 15 };
        var window = new Option<uint>("--commit-window") { Description = "Seconds a round waits for commits before closing with whoever committed.", DefaultValueFactory = _ => 30 };
        var seed = new Option<long>("--seed") { Description = "The plan seed.", DefaultValueFactory = _ => 42 };
        var dpEpsilon = new Option<double?>("--dp-epsilon") { Description = "Train with DP-SGD: each hospital's epsilon budget for the whole plan (recorded on-chain every round)." };
        var dpDelta = new Option<double?>("--dp-delta") { Description = "The delta of the DP budget (default 1e-5); only with --dp-epsilon." };
        var dataset = new Option<string>("--dataset") { Description = $"The consortium's dataset, one node process per institution: {string.Join(", ", Datasets.ConsortiumDataset.Names)}.", DefaultValueFactory = _ => Datasets.ConsortiumDataset.Default };
        dataset.AcceptOnlyFromAmong([.. Datasets.ConsortiumDataset.Names]);
        var data = new Option<DirectoryInfo?>("--data") { Description = "The dataset's folder (default: data/<dataset> above the working directory)." };
        var secure = new Option<bool>("--secure-aggregation") { Description = "Mask every update with secure aggregation (any all-but-one of the institutions unmask the sum): members see only the sum." };
        var votingPeriod = new Option<uint>("--voting-period") { Description = "Seconds each governance vote stays open (real time; the voting delay is 1 s).", DefaultValueFactory = _ => 10 };
        var command = new Command("demo", "Run a consortium on a dataset (default the four heart-disease hospitals): chain, real-time governance, local approvals, a node process per institution, release vote, audit, report.")
        {
            output, rounds, window, seed, dataset, data, dpEpsilon, dpDelta, secure, votingPeriod,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new DemoOptions(parse.GetValue(output)!.FullName, parse.GetValue(rounds), parse.GetValue(window), parse.GetValue(seed), parse.GetValue(data)?.FullName,
                parse.GetValue(dpEpsilon), parse.GetValue(dpDelta), parse.GetValue(secure), parse.GetValue(votingPeriod), parse.GetValue(dataset)!);
            try
            {
                var report = await new DemoRun(options, AnsiConsole.Console).RunAsync(ct);
                AnsiConsole.MarkupLineInterpolated($"final model {report.FinalisedModelHash[..16]} on all {report.FinalModelHashes.Count} nodes; simulate gives {(report.Privacy is not null ? "no comparison with DP (CSPRNG noise)" : report.MatchesSimulation ? "the same bits" : "[red]different bits[/]")}");
                if (report.Privacy is { } privacy)
                    AnsiConsole.MarkupLineInterpolated($"epsilon on-chain (budget {privacy.EpsilonBudget:G4}, delta {privacy.Delta:G3}): {string.Join(", ", privacy.Members.Select(m => $"{m.Key} {m.Value.EpsilonTotal:F4}"))}");
                AnsiConsole.MarkupLineInterpolated($"mean {report.Metric} {report.Metrics.PerRound[^1].MeanHeadline:F3}; protocol overhead per round: median {report.OverheadMedianMs:F0} ms, max {report.OverheadMaxMs:F0} ms; {report.GasTotal:N0} gas");
                AnsiConsole.MarkupLineInterpolated($"protected: {report.Protection}");
                AnsiConsole.MarkupLineInterpolated($"report: [bold]{Path.Combine(options.Out, "report.html")}[/]; {report.WallSeconds:F0} s from an empty chain to the audited release");
                return report.Ok ? 0 : 1;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or ChainException or IOException or OperationCanceledException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]demo failed:[/] {e.Message}");
                if (Environment.GetEnvironmentVariable("FEDCHAIN_DEBUG") is not null) Console.Error.WriteLine(e);
                return 1;
            }
        });
        return command;
    }
}
