using System.Text.Json;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class BenchPersonalisationCommandTests
{
    [Fact]
    public async Task BenchPersonalisation_OneSeedOneRound_WritesGlobalAndPersonalPerSite_InTheIssuesShape()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse(["bench", "personalisation", "--seeds", "1", "--rounds", "1", "--data", RepoPaths.Combine("data", "heart-disease"), "--out", dir.Path]).InvokeAsync();

        Assert.Equal(0, exit);
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("results.json")));
        var root = results.RootElement;
        Assert.Equal(["per_site", "mean_personal", "mean_global"], root.EnumerateObject().Select(p => p.Name));
        var perSite = root.GetProperty("per_site").EnumerateObject().ToList();
        Assert.Equal(["cleveland", "hungary", "switzerland", "va"], perSite.Select(p => p.Name));
        Assert.All(perSite, s => Assert.Equal(["global", "personal"], s.Value.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(perSite.Average(s => s.Value.GetProperty("global").GetDouble()), root.GetProperty("mean_global").GetDouble(), 12);
        Assert.Equal(perSite.Average(s => s.Value.GetProperty("personal").GetDouble()), root.GetProperty("mean_personal").GetDouble(), 12);
        Assert.True(new FileInfo(dir.File("personalisation.png")).Length > 10_000);
    }
}
