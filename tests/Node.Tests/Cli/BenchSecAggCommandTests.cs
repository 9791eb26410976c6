using System.CommandLine;
using System.Text.Json;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class BenchSecAggCommandTests
{
    [Fact]
    public void BenchSecAgg_SmallRound_WritesFiguresWithAnExactSum()
    {
        using var folder = new TempDirectory();
        var output = new StringWriter();

        var exitCode = FedChainCommandLine.Build()
            .Parse(["bench", "secagg", "--members", "5", "--mb", "0.01", "--out", folder.Path])
            .Invoke(new InvocationConfiguration { Output = output, Error = output });

        Assert.True(exitCode == 0, output.ToString());
        var root = JsonDocument.Parse(File.ReadAllText(folder.File("secagg.json"))).RootElement;
        Assert.Equal(2621, root.GetProperty("vectorLength").GetInt32());
        Assert.Equal(3, root.GetProperty("threshold").GetInt32());
        var scenarios = root.GetProperty("scenarios").EnumerateArray().ToArray();
        Assert.Equal([0, 2], scenarios.Select(s => s.GetProperty("dropouts").GetInt32()));
        Assert.All(scenarios, s => Assert.True(s.GetProperty("sumEqualsPlainSum").GetBoolean()));
        // The masked input dominates what a member sends: 4 bytes per parameter plus a 7-byte header.
        Assert.All(scenarios, s => Assert.Contains(s.GetProperty("perMemberSteps").EnumerateArray(),
            step => step.GetProperty("step").GetString() == "mask-input" && step.GetProperty("meanBytes").GetDouble() == 7 + 4 * 2621));
        Assert.True(File.Exists(folder.File("secagg.png")));
    }
}
