using System.CommandLine;

namespace FedChain.Node.Cli;

/// <summary>`fedchain demo`: a whole consortium on real data (issue 6 builds it out).</summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var command = new Command("demo", "Run a four-hospital consortium on the heart-disease data, with a live chain, and write a report.");
        command.SetAction(_ =>
        {
            Console.WriteLine("fedchain demo: not yet. The end-to-end demo lands with issue 6.");
            return 0;
        });
        return command;
    }
}
