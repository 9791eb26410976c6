using FedChain.Contracts.Client;
using FedChain.Learning.Data.Schema;
using FedChain.Node.Governance;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>Turns the errors bad input is expected to cause into one clear line and exit code 2 (a chain that
/// refuses or cannot be reached: 3); anything else still surfaces.</summary>
internal static class InputErrors
{
    public const int ExitCode = 2;

    public const int ChainExitCode = 3;

    /// <summary>The same for the consortium's commands: the error goes to the invocation's error writer (stderr).</summary>
    public static async Task<int> GuardAsync(System.CommandLine.ParseResult parse, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (Expected(e))
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
            return e is ChainException ? ChainExitCode : ExitCode;
        }
    }

    public static int Guard(System.CommandLine.ParseResult parse, Func<int> run) => GuardAsync(parse, () => Task.FromResult(run())).GetAwaiter().GetResult();

    private static bool Expected(Exception e) => e is GovernanceRefusal or SchemaException or ArgumentException or InvalidDataException
        or DirectoryNotFoundException or FileNotFoundException or ChainException;

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
