using System.Text.Json;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class BenchCompressionCommandTests
{
    [Fact]
    public async Task BenchCompression_OneSeedOneRound_WritesBytesAndAccuracyPerMethod_InTheIssuesShape()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse(["bench", "compression", "--seeds", "1", "--rounds", "1", "--data", RepoPaths.Combine("data", "heart-disease"), "--out", dir.Path]).InvokeAsync();

        Assert.Equal(0, exit);
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("results.json")));
        var root = results.RootElement;
        Assert.Equal(["uncompressed", "methods"], root.EnumerateObject().Select(p => p.Name));
        // Four members each seal 10,113 uint32 coordinates: header 53 bytes, signature 65.
        Assert.Equal(4 * (53 + 4 * 10_113 + 65), root.GetProperty("uncompressed").GetProperty("bytes_per_round").GetDouble());
        Assert.Equal(["int8", "int4", "random-k", "top-k"], root.GetProperty("methods").EnumerateObject().Select(p => p.Name));
        foreach (var method in root.GetProperty("methods").EnumerateObject())
        {
            Assert.Equal(["bytes_per_round", "accuracy"], method.Value.EnumerateObject().Select(p => p.Name));
            Assert.True(method.Value.GetProperty("bytes_per_round").GetDouble() < root.GetProperty("uncompressed").GetProperty("bytes_per_round").GetDouble() / 3.8, method.Name);
        }

        Assert.True(new FileInfo(dir.File("compression.png")).Length > 10_000);
    }
}
