using System.Text;
using System.Text.Json;
using FedChain.Learning.Plans;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class SimulatePipelineTests
{
    private static readonly string HeartFolder = RepoPaths.Combine("data", "heart-disease");

    [Fact]
    public async Task Simulate_WithARobustRuleCompressionAndPersonalModels_WritesThemInThePlan_AndPersonalMetricsPerSite()
    {
        using var dir = new TempDirectory();

        var exit = await Run(["--rounds", "2", "--local-steps", "5", "--robust", "trimmed-mean", "--compression", "int4", "--personalisation", "fine-tune", "--out", dir.Path]);

        Assert.Equal(0, exit);
        var plan = TrainingPlan.Parse(await File.ReadAllTextAsync(dir.File("plan.json"), Encoding.UTF8), "plan.json");
        Assert.Equal(Learning.Robust.RobustRuleKind.TrimmedMean, plan.Robust!.Rule);
        Assert.Equal(Learning.Compression.CompressionMethod.Int4, plan.Compression!.Method);
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("simulation.json")));
        var last = written.RootElement.GetProperty("rounds")[1];
        Assert.Equal(["cleveland", "hungary", "switzerland", "va"], last.GetProperty("personalPerSite").EnumerateObject().Select(p => p.Name));
        Assert.False(written.RootElement.GetProperty("rounds")[0].TryGetProperty("personalPerSite", out _));
    }

    [Fact]
    public async Task Simulate_WithABufferAndASlowSite_RunsAsynchronousRounds_AndWritesTheirArrivals()
    {
        using var dir = new TempDirectory();

        var exit = await Run(["--rounds", "6", "--local-steps", "5", "--buffer", "3", "--slow-site", "va", "--slowdown", "3", "--out", dir.Path]);

        Assert.Equal(0, exit);
        var plan = TrainingPlan.Parse(await File.ReadAllTextAsync(dir.File("plan.json"), Encoding.UTF8), "plan.json");
        Assert.Equal(3, plan.Asynchronous!.BufferSize);
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("simulation.json")));
        var windows = written.RootElement.GetProperty("arrivals").GetProperty("windows").EnumerateArray().ToList();
        Assert.Equal(6, windows.Count);
        Assert.All(windows, w => Assert.Equal(3, w.GetArrayLength()));
        Assert.Contains(windows.SelectMany((w, i) => w.EnumerateArray().Select(a => (Site: a.GetProperty("site").GetString(), Stale: i + 1 - a.GetProperty("trainedRound").GetInt32()))), a => a.Site == "va" && a.Stale > 0);
    }

    [Fact]
    public async Task Simulate_ASlowSiteWithoutABuffer_IsRefused()
    {
        using var dir = new TempDirectory();

        Assert.Equal(InputErrors.ExitCode, await Run(["--rounds", "1", "--slow-site", "va", "--out", dir.Path]));
    }

    [Fact]
    public async Task Simulate_APlanStartingFromARelease_NeedsTheReleasedBits_AndStartsFromThem()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        Assert.Equal(0, await Run(["--rounds", "1", "--local-steps", "5", "--out", first.Path]));
        using var firstResult = JsonDocument.Parse(await File.ReadAllTextAsync(first.File("simulation.json")));
        var released = firstResult.RootElement.GetProperty("finalModelHash").GetString()!;
        var parameters = firstResult.RootElement.GetProperty("finalParameters").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        var model = first.File("final-model.f32");
        await File.WriteAllBytesAsync(model, Node.Rounds.StartingModel.Bytes(parameters));
        var plan = TrainingPlan.Parse(await File.ReadAllTextAsync(first.File("plan.json")), "plan.json") with { StartFrom = new ReleasedModel("3", released), Seed = 9 };
        await File.WriteAllBytesAsync(second.File("plan.json"), plan.CanonicalBytes());

        Assert.Equal(InputErrors.ExitCode, await Run(["--plan", second.File("plan.json"), "--out", second.File("without")]));
        Assert.Equal(0, await Run(["--plan", second.File("plan.json"), "--start-model", model, "--out", second.File("with")]));
        Assert.Equal(plan.Hash, JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(second.File("with"), "simulation.json"))).RootElement.GetProperty("planHash").GetString());
    }

    private static Task<int> Run(string[] options) =>
        FedChainCommandLine.Build().Parse(["simulate", "--dataset", "heart-disease", "--data", HeartFolder, .. options]).InvokeAsync();
}
