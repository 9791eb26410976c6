using System.Text.Json;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class BenchChainCommandTests
{
    [Fact]
    public async Task BenchChain_FourMembersTenRounds_WritesGasFiguresWithinTheTarget()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse(["bench", "chain", "--out", dir.Path]).InvokeAsync();

        using var gas = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("gas.json")));
        var root = gas.RootElement;
        var perMember = root.GetProperty("per_member_per_round").GetInt64();
        var fixedPart = root.GetProperty("per_round_fixed").GetInt64();
        Assert.InRange(perMember, 20_000, 68_000);
        Assert.InRange(fixedPart, 0, 80_000);
        Assert.Equal(0, exit);
        var operations = root.GetProperty("operations");
        Assert.True(operations.GetProperty("ledger_commit_plain").GetInt64() > 21_000);
        Assert.True(operations.TryGetProperty("governor_execute_startPlan", out _));
        Assert.Equal(10, root.GetProperty("gas_per_round").GetArrayLength());
        Assert.Equal([4, 16, 64], root.GetProperty("scaling").EnumerateArray().Select(r => r.GetProperty("members").GetInt32()));
        Assert.True(root.GetProperty("checks").GetProperty("privacy_charge").GetInt64() > 0);
        Assert.Contains("| per member |", await File.ReadAllTextAsync(dir.File("gas.md")), StringComparison.Ordinal);
        Assert.True(new FileInfo(dir.File("gas.png")).Length > 1_000);
    }
}
