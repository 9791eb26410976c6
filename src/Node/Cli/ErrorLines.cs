namespace FedChain.Node.Cli;

/// <summary>Progress on stderr, so that stdout carries only a command's result (an id, an address) for scripts.</summary>
internal sealed class ErrorLines(TextWriter error) : IProgress<string>
{
    public ErrorLines(System.CommandLine.ParseResult parse) : this(parse.InvocationConfiguration.Error)
    {
    }

    public void Report(string value) => error.WriteLine(value);
}
