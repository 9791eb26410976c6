using Spectre.Console;

namespace FedChain.Node.Reports;

/// <summary>Progress lines written at once, in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
internal sealed class ConsoleLines : IProgress<string>
{
    public void Report(string value) => AnsiConsole.MarkupLineInterpolated($"[grey]{value}[/]");
}
