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
}
