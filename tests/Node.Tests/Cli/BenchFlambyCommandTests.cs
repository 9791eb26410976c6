using System.Text.Json;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class BenchFlambyCommandTests
{
    [Fact]
    public void Parse_UnknownDataset_IsAnError()
    {
        var result = FedChainCommandLine.Build().Parse(["bench", "flamby", "--dataset", "mnist", "--out", "x"]);

        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public async Task BenchFlamby_OneSeed_WritesResultsInTheIssuesShape()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse([
            "bench", "flamby", "--dataset", "tcga-brca", "--data", RepoPaths.Combine("data", "tcga-brca"), "--seeds", "1", "--out", dir.Path,
        ]).InvokeAsync();

        Assert.Equal(0, exit);
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("results.json")));
        var root = results.RootElement;
        Assert.Equal("tcga-brca", root.GetProperty("dataset").GetString());
        Assert.Equal("c-index", root.GetProperty("metric").GetString());
        var methods = root.GetProperty("methods");
        string[] required = ["pooled", "local_0", "local_5", "fedavg", "fedprox", "scaffold", "fedadam", "fedyogi", "fedadagrad", "fedavg_tuned"];
        foreach (var name in required)
        {
            var method = methods.GetProperty(name);
            Assert.InRange(method.GetProperty("headline_mean").GetDouble(), 0.0, 1.0);
            Assert.Equal(0.0, method.GetProperty("headline_sd").GetDouble()); // one seed
            Assert.Equal(6, method.GetProperty("per_center").GetArrayLength());
        }

        // The model choice across tuned families is made on validation and recorded beside each family's own choice.
        var choice = root.GetProperty("tuning").EnumerateArray().Single(t => t.GetProperty("method").GetString() == "validation_best");
        var family = choice.GetProperty("chosen").GetString()!;
        Assert.EndsWith("_tuned", family);
        Assert.Equal(methods.GetProperty(family).GetProperty("headline_mean").GetDouble(), methods.GetProperty("validation_best").GetProperty("headline_mean").GetDouble());
        Assert.Contains("| fedadam |", await File.ReadAllTextAsync(dir.File("results.md")));
        Assert.True(new FileInfo(dir.File("headline.png")).Length > 10_000);
    }
}
