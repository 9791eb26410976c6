using FedChain.Node.Demo;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

/// <summary>`fedchain bench scale` refusing to start, in a child process (the anvil path comes from its environment).</summary>
public sealed class BenchScaleCommandTests
{
    [Fact]
    public async Task BenchScale_AnvilMissing_SaysWhereItLookedAndLeavesNoWorkFolder()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "no-anvil-here");
        var fedchain = FedChainExecutable.StartInfo(["bench", "scale", "--nodes", "2", "--out", dir.File("out"), "--work", dir.Path]);

        var run = await ProcessRun.RunAsync(fedchain.FileName, fedchain.ArgumentList,
            new Dictionary<string, string?> { ["FEDCHAIN_ANVIL"] = missing }, timeout: TimeSpan.FromMinutes(2));

        var output = run.StdOut + run.StdErr;
        // The console wraps at 80 columns where a terminal is not there to say its width.
        var words = string.Join(' ', output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"FEDCHAIN_ANVIL points at {missing}, which does not exist", words, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(dir.Path, "fedchain-bench-scale-*"));
    }
}
