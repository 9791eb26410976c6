using FedChain.Learning.Data.Schema;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>Turns the errors bad input is expected to cause into one clear line and exit code 2; anything else still surfaces.</summary>
internal static class InputErrors
{
    public const int ExitCode = 2;

    public static int Guard(Func<int> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is SchemaException or ArgumentException or DirectoryNotFoundException or FileNotFoundException)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return ExitCode;
        }
    }
}
