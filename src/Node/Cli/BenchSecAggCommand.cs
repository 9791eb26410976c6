using System.CommandLine;
using FedChain.Node.Bench.SecAgg;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain bench secagg`: the cost of masking and unmasking per member.</summary>
internal static class BenchSecAggCommand
{
    public static Command Build()
    {
        var members = new Option<int>("--members") { Description = "Members in the round (2..255).", DefaultValueFactory = _ => 10 };
        var megabytes = PrivacyOptions.Positive(new Option<double>("--mb") { Description = "Update size per member in MB (4-byte parameters).", DefaultValueFactory = _ => 1 });
        var threshold = new Option<int?>("--threshold") { Description = "Shares needed to unmask; default the smallest majority of each member's share holders." };
        var neighbours = new Option<int?>("--neighbours") { Description = "SecAgg+ neighbour count k (even); default every member with every other." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for secagg.json and secagg.png.", Required = true };

        var command = new Command("secagg", "Time masking and unmasking (Bonawitz et al. 2017) per member, and the bytes each sends.")
        {
            members, megabytes, threshold, neighbours, output,
        };
        command.SetAction(parse =>
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(parse.InvocationConfiguration.Output) });
            SecAggBenchResult result;
            try
            {
                result = console.Status().Start("secure aggregation", context => SecAggBench.Run(
                    parse.GetValue(members), parse.GetValue(megabytes), parse.GetValue(threshold), parse.GetValue(neighbours),
                    new Progress<string>(step => context.Status(step))));
            }
            catch (ArgumentException error)
            {
                parse.InvocationConfiguration.Error.WriteLine($"bench secagg: {error.Message}");
                return 2;
            }
            SecAggBenchReport.Print(console, result);
            SecAggBenchReport.Write(parse.GetValue(output)!.FullName, result);
            console.MarkupLine($"wrote [bold]{Markup.Escape(Path.Combine(parse.GetValue(output)!.FullName, "secagg.json"))}[/] and secagg.png");
            return result.Scenarios.All(s => s.SumEqualsPlainSum) ? 0 : 1;
        });
        return command;
    }
}
