using FedChain.TestSupport;

namespace FedChain.Build.Tests.Ci;

/// <summary>.ci/preflight names the missing prerequisite instead of failing somewhere later.</summary>
public sealed class PreflightTests : IDisposable
{
    private readonly TempDirectory _bin = new();

    public void Dispose() => _bin.Dispose();

    /// <summary>A PATH holding only the tools the script itself needs, plus <paramref name="extra"/>.</summary>
    private string PathWith(params string[] extra)
    {
        foreach (var tool in new[] { "bash", "dirname", "grep", "timeout", "sed" }.Concat(extra))
        {
            var real = Environment.GetEnvironmentVariable("PATH")!.Split(':')
                .Select(d => Path.Combine(d, tool)).First(File.Exists);
            File.CreateSymbolicLink(_bin.File(tool), real);
        }

        return _bin.Path;
    }

    private static Task<ProcessResult> Preflight(string path, Dictionary<string, string?>? env = null)
    {
        env ??= [];
        env["PATH"] = path;
        return ProcessRun.RunAsync("/bin/bash", [RepoPaths.Combine(".ci", "preflight")], env);
    }

    [Fact]
    public async Task Preflight_WithoutNpm_NamesNpm()
    {
        var result = await Preflight(PathWith("dotnet", "node"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("npm is not on PATH", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet is not on PATH", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_WithoutDotnet_NamesDotnet()
    {
        var result = await Preflight(PathWith("node", "npm"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("dotnet is not on PATH", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_WithUnreachableNuGet_NamesTheSource()
    {
        // Port 1 on loopback refuses at once: no network to that source.
        var source = "http://127.0.0.1:1/v3/index.json";

        var result = await Preflight(Environment.GetEnvironmentVariable("PATH")!, new() { ["FEDCHAIN_NUGET_SOURCE"] = source });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"no network to the NuGet package source {source}", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_OnThisMachine_Passes()
    {
        var result = await Preflight(Environment.GetEnvironmentVariable("PATH")!);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("package sources reachable", result.StdOut, StringComparison.Ordinal);
    }
}
