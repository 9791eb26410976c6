using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;

namespace FedChain.Node.Tests.SecureRounds;

/// <summary>A node SIGKILLed mid secure-aggregation plan and restarted rejoins it, on one real run (<see cref="SecureRestartRun"/>).</summary>
[Collection(FedChain.Node.Tests.EndToEnd.ConsortiumCollection.Name)]
public sealed class SecureRestartTests(SecureRestartRun run) : IClassFixture<SecureRestartRun>
{
    private PlanRecord Record => run.Ledger.Plans[run.PlanId];

    private bool ByVictim(LedgerEvents.Committed c) => string.Equals(c.Member, run.Victim!.Address, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void TheVictim_WasKilled_RestoredItsSecrets_AndCommittedTheLastRoundMasked()
    {
        Assert.Equal(137, run.VictimExitCode);
        Assert.Equal(0, run.RestartedExitCode);
        Assert.Contains(Record.Rounds[SecureRestartRun.CrashRound - 1].Commitments, ByVictim);
        Assert.Contains(Record.Rounds[SecureRestartRun.Rounds].Commitments, ByVictim);
        Assert.Equal(4, Record.Rounds[SecureRestartRun.Rounds].Commitments.Count);
        Assert.Contains("restored from disk; rejoining the plan", File.ReadAllText(Path.Combine(run.Victim!.Directory, "node.log")), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryNode_TheRestartedOneToo_EndsWithTheFinalisedModel_AndTheAuditPasses()
    {
        Assert.All(run.ExitCodes, code => Assert.Equal(0, code));
        var finalised = Convert.ToHexStringLower(Record.Rounds[^1].FinalAggregate ?? throw new Xunit.Sdk.XunitException("the last aggregate was not finalised"));
        Assert.Equal(4, run.Results.Count);
        Assert.All(run.Results, r => Assert.Equal(finalised, r.FinalModelHash));
        Assert.True(run.Audit.Ok, string.Join("\n", run.Audit.Findings));
        Assert.Equal(SecureRestartRun.Rounds + 1, run.Audit.RoundsChecked);
    }
}
