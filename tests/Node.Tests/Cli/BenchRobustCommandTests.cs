using System.Text.Json;
using FedChain.Node.Cli;
using FedChain.TestSupport;
using Spectre.Console;

namespace FedChain.Node.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class BenchRobustCommandTests
{
    [Fact]
    public async Task BenchRobust_OneSeedOneRound_WritesResultsInTheIssuesShape()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse(["bench", "robust", "--seeds", "1", "--rounds", "1", "--data", RepoPaths.Combine("data", "heart-disease"), "--out", dir.Path]).InvokeAsync();

        Assert.Equal(0, exit);
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("results.json")));
        var root = results.RootElement;
        Assert.Equal(["honest", "default_rule", "attacks"], root.EnumerateObject().Select(p => p.Name));
        Assert.InRange(root.GetProperty("honest").GetDouble(), 0.3, 1.0);
        Assert.Equal("trimmed-mean", root.GetProperty("default_rule").GetString());
        Assert.Equal(["scaled-x10", "sign-flipped", "same-norm-noise"], root.GetProperty("attacks").EnumerateObject().Select(p => p.Name));
        foreach (var attack in root.GetProperty("attacks").EnumerateObject())
        {
            Assert.Equal(["fedavg", "robust"], attack.Value.EnumerateObject().Select(p => p.Name));
            Assert.Equal(["median", "trimmed-mean", "norm-bound", "multi-krum", "aggregate-norm-bound"], attack.Value.GetProperty("robust").EnumerateObject().Select(p => p.Name));
        }

        Assert.True(new FileInfo(dir.File("robust.png")).Length > 10_000);
    }

    [Fact]
    public async Task BenchRobust_SixSeeds_IsRefusedWithTheRange()
    {
        using var dir = new TempDirectory();
        var output = new StringWriter();
        var console = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        try
        {
            var exit = await FedChainCommandLine.Build().Parse(["bench", "robust", "--seeds", "6", "--out", dir.Path]).InvokeAsync();

            Assert.Equal(InputErrors.ExitCode, exit);
            Assert.Contains("--seeds must be 1 to 5", output.ToString());
        }
        finally
        {
            AnsiConsole.Console = console;
        }
    }
}
