namespace FedChain.Node.Tests.Cli;

/// <summary>
/// Commands that draw a Spectre.Console progress display: Spectre allows one live display per
/// process, so these tests run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
