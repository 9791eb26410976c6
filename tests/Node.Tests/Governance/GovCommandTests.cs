using System.Text.Json;
using FedChain.Contracts;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;

namespace FedChain.Node.Tests.Governance;

/// <summary>
/// `fedchain gov` on a chain with real blocks, through the governor's real delay and period (no clock
/// warp), each party with its own keystore; every refusal is a clear message and exit code 2.
/// </summary>
public sealed class GovCommandTests(RealTimeChainFixture fx) : IClassFixture<RealTimeChainFixture>
{
    private const string Alpha = "alpha";
    private const string Beta = "beta";
    private const string Gamma = "gamma";

    [Fact]
    public async Task Admit_ProposedVotedAndExecuted_WithEachRefusalSaidInWords()
    {
        var id = await Propose(Alpha, "admit", "--address", fx.AddressOf[RealTimeChainFixture.Newcomer], "--name", "delta", "--endpoint", "delta.example.org:7001");

        var early = await fx.As(Beta, "gov", "vote", id, "for");
        await Ok(fx.As(Alpha, "gov", "vote", id, "for", "--reason", "delta has the data", "--wait"));
        await Ok(fx.As(Beta, "gov", "vote", id, "for", "--wait"));
        var twice = await fx.As(Alpha, "gov", "vote", id, "against");
        var open = await fx.As(Alpha, "gov", "execute", id);
        var active = await Ok(fx.Reader("gov", "show", id, "--json"));
        await Ok(fx.As(Gamma, "gov", "execute", id, "--wait"));
        var again = await fx.As(Gamma, "gov", "execute", id);
        var late = await fx.As(Gamma, "gov", "vote", id, "for");
        var shown = await Ok(fx.Reader("gov", "show", id));

        Assert.Equal((2, true), (early.ExitCode, early.Error.Contains("not open yet", StringComparison.Ordinal)));
        Assert.Equal((2, true), (twice.ExitCode, twice.Error.Contains("already voted", StringComparison.Ordinal)));
        Assert.Equal((2, true), (open.ExitCode, open.Error.Contains("still open", StringComparison.Ordinal)));
        Assert.Equal((2, true), (again.ExitCode, again.Error.Contains("already executed", StringComparison.Ordinal)));
        Assert.Equal((2, true), (late.ExitCode, late.Error.Contains("closed", StringComparison.Ordinal)));
        using var view = JsonDocument.Parse(active.Output);
        Assert.Equal("active", view.RootElement.GetProperty("state").GetString());
        Assert.Equal(2, view.RootElement.GetProperty("votesFor").GetInt64());
        Assert.Equal(2, view.RootElement.GetProperty("votesNeeded").GetInt64());
        Assert.Equal("admit", view.RootElement.GetProperty("actions")[0].GetProperty("kind").GetString());
        Assert.Contains("delta has the data", view.RootElement.GetProperty("voters").EnumerateArray().Select(v => v.TryGetProperty("reason", out var r) ? r.GetString() : null));
        Assert.Contains("proposal " + id + ": executed", shown.Output, StringComparison.Ordinal);
        Assert.Contains("admit delta", shown.Output, StringComparison.Ordinal);
        using var chain = new ChainClient(new Uri(ConsortiumAddresses.Read(fx.Addresses).RpcUrl), null, 31337);
        Assert.True(await new Consortium(chain, ConsortiumAddresses.Read(fx.Addresses)).Membership.IsMemberAsync(fx.AddressOf[RealTimeChainFixture.Newcomer]));
    }

    [Fact]
    public async Task Execute_OneVoteOfTheTwoNeeded_SaysQuorumNotReached()
    {
        var id = await Propose(Beta, "remove", "--address", fx.AddressOf[Gamma], "--description", "remove gamma (quorum test)");
        await Ok(fx.As(Beta, "gov", "vote", id, "for", "--wait"));

        var sut = await fx.As(Beta, "gov", "execute", id, "--wait");

        Assert.Equal(2, sut.ExitCode);
        Assert.Contains("quorum not reached (1 of", sut.Error, StringComparison.Ordinal);
        var listed = await Ok(fx.Reader("gov", "list"));
        Assert.Contains($"#{id} [defeated]", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_PassedInRealTime_ChangeTheVotingPeriodAndSayFromWhatToWhat()
    {
        var id = await Propose(Gamma, "settings", "--voting-period", "11");
        await Task.WhenAll(new[] { Alpha, Beta, Gamma }.Select(p => Ok(fx.As(p, "gov", "vote", id, "for", "--wait"))));
        var shown = await Ok(fx.Reader("gov", "show", id, "--json"));
        await Ok(fx.As(Alpha, "gov", "execute", id, "--wait"));

        using var view = JsonDocument.Parse(shown.Output);
        var details = view.RootElement.GetProperty("actions")[0].GetProperty("details");
        Assert.Equal("voting period", details.GetProperty("setting").GetString());
        Assert.Equal($"{RealTimeChainFixture.VotingPeriod} s", details.GetProperty("current").GetString());
        Assert.Equal("11 s", details.GetProperty("to").GetString());
        using var chain = new ChainClient(new Uri(ConsortiumAddresses.Read(fx.Addresses).RpcUrl), null, 31337);
        Assert.Equal(11, (await new Consortium(chain, ConsortiumAddresses.Read(fx.Addresses)).Governance.SettingsAsync()).VotingPeriod);
    }

    [Fact]
    public async Task Outsiders_MissingProposals_AndMissingPlans_AreRefusedBeforeAnythingIsSent()
    {
        var outsider = await fx.As(RealTimeChainFixture.Outsider, "gov", "propose", "remove", "--address", fx.AddressOf[Alpha]);
        var missing = await fx.As(Alpha, "gov", "vote", "12345", "for");
        var badId = await fx.As(Alpha, "gov", "vote", "0x12", "for");
        var noKey = await fx.Reader("gov", "vote", "12345", "for");
        var noPlan = await fx.As(Alpha, "gov", "propose", "cancel-plan", "--plan", "7");

        Assert.Equal((2, true), (outsider.ExitCode, outsider.Error.Contains("is not a member", StringComparison.Ordinal)));
        Assert.Equal((2, true), (missing.ExitCode, missing.Error.Contains("no proposal 12345", StringComparison.Ordinal)));
        Assert.Equal((2, true), (badId.ExitCode, badId.Error.Contains("not a proposal id", StringComparison.Ordinal)));
        Assert.Equal((2, true), (noKey.ExitCode, noKey.Error.Contains("--keystore", StringComparison.Ordinal)));
        Assert.Equal((2, true), (noPlan.ExitCode, noPlan.Error.Contains("there is no plan 7", StringComparison.Ordinal)));
    }

    private async Task<string> Propose(string party, params string[] args)
    {
        var proposed = await Ok(fx.As(party, ["gov", "propose", .. args]));
        return proposed.Output.Trim();
    }

    private static async Task<(int ExitCode, string Output, string Error)> Ok(Task<(int ExitCode, string Output, string Error)> run)
    {
        var result = await run;
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}{result.Output}");
        return result;
    }
}
