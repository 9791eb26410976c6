using FedChain.TestSupport;

namespace FedChain.Build.Tests.Solidity;

/// <summary>The build's `compile.mjs --check` fails when committed contract artifacts are stale.</summary>
public sealed class ArtifactCheckTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public ArtifactCheckTests()
    {
        // A copy of the two folders the script touches, with the real node_modules linked in.
        CopyTree(RepoPaths.Combine("contracts-sol", "src"), Path.Combine(_repo.Path, "contracts-sol", "src"));
        CopyTree(RepoPaths.Combine("contracts-sol", "scripts"), Path.Combine(_repo.Path, "contracts-sol", "scripts"));
        File.Copy(RepoPaths.Combine("contracts-sol", "package.json"), Path.Combine(_repo.Path, "contracts-sol", "package.json"));
        File.CreateSymbolicLink(Path.Combine(_repo.Path, "contracts-sol", "node_modules"), RepoPaths.Combine("contracts-sol", "node_modules"));
        CopyTree(RepoPaths.Combine("src", "Contracts", "Generated"), Path.Combine(_repo.Path, "src", "Contracts", "Generated"));
    }

    public void Dispose() => _repo.Dispose();

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) CopyTree(d, Path.Combine(to, Path.GetFileName(d)));
    }

    private Task<ProcessResult> Check() =>
        ProcessRun.RunAsync("node", ["scripts/compile.mjs", "--check"], workingDirectory: Path.Combine(_repo.Path, "contracts-sol"));

    [Fact]
    public async Task Check_CommittedArtifacts_AreUpToDate()
    {
        var result = await Check();

        Assert.True(result.ExitCode == 0, result.StdErr);
    }

    [Fact]
    public async Task Check_AfterEditingASource_FailsNamingTheStaleArtifact()
    {
        var source = Directory.GetFiles(Path.Combine(_repo.Path, "contracts-sol", "src"), "*.sol", SearchOption.AllDirectories)[0];
        File.AppendAllText(source, "\ncontract StaleProbe { function f() external pure returns (uint256) { return 1; } }\n");

        var result = await Check();

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"artifacts in src/Contracts/Generated are stale \([^)]*StaleProbe\.json", result.StdErr);
    }
}
