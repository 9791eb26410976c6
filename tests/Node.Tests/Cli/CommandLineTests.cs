using FedChain.Node.Cli;

namespace FedChain.Node.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_UnknownCommand_ReportsAnError()
    {
        var result = FedChainCommandLine.Build().Parse(["no-such-command"]);

        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Parse_Demo_IsACommand()
    {
        var result = FedChainCommandLine.Build().Parse(["demo"]);

        Assert.Empty(result.Errors);
        Assert.Equal("demo", result.CommandResult.Command.Name);
    }

    [Fact]
    public void Parse_BenchGossipWithoutOut_ReportsTheMissingOption()
    {
        var result = FedChainCommandLine.Build().Parse(["bench", "gossip", "--nodes", "3"]);

        Assert.Contains(result.Errors, e => e.Message.Contains("--out", StringComparison.Ordinal));
    }
}
