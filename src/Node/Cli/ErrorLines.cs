namespace FedChain.Node.Cli;

/// <summary>Progress on stderr, so that stdout carries only a command's result (an id, an address) for scripts.</summary>
internal sealed class ErrorLines : IProgress<string>
{
    public void Report(string value) => Console.Error.WriteLine(value);
}
