using System.Numerics;
using FedChain.Contracts.Governance;

namespace FedChain.Contracts.Chain;

/// <summary>
/// Anvil only: carries a proposal through a whole vote and the timelock in seconds by jumping the chain
/// clock over the voting delay, the voting period and the timelock delay. On a real chain members vote
/// over real time instead.
/// </summary>
public static class AnvilGovernance
{
    /// <summary>The first voter proposes; every voter votes For; the proposal is queued and, after the
    /// timelock delay, executed.</summary>
    /// <returns>The proposal id.</returns>
    public static async Task<BigInteger> PassAsync(Proposal proposal, IReadOnlyList<Consortium> voters, CancellationToken ct = default)
    {
        if (voters.Count == 0) throw new ArgumentException("a vote needs at least one voter", nameof(voters));
        var proposer = voters[0];
        // Votes are checkpointed by timestamp and a proposer's weight is read at clock() - 1:
        // membership granted in this very second would not count yet.
        await new AnvilControl(proposer.Chain).IncreaseTimeAsync(1, ct);
        var id = (await proposer.Governance.ProposeAsync(proposal, ct)).Id;
        await OpenVotingAsync(proposer, id, ct);
        foreach (var voter in voters) await voter.Governance.VoteAsync(id, VoteSupport.For, ct);

        await CloseVotingAsync(proposer, id, ct);
        await QueueAndExecuteAsync(proposer, proposal, ct);
        return id;
    }

    /// <summary>Queues a succeeded proposal, moves the clock to its ETA and executes it.</summary>
    public static async Task QueueAndExecuteAsync(Consortium any, Proposal proposal, CancellationToken ct = default)
    {
        await any.Governance.QueueAsync(proposal, ct);
        await SkipToAsync(any, await any.Governance.EtaAsync(proposal.Id, ct), ct);
        await any.Governance.ExecuteAsync(proposal, ct);
    }

    /// <summary>Moves the clock past the proposal's snapshot, so votes count.</summary>
    public static async Task OpenVotingAsync(Consortium any, BigInteger proposalId, CancellationToken ct = default)
    {
        var snapshot = await any.Governance.SnapshotAsync(proposalId, ct);
        await SkipToAsync(any, snapshot + 1, ct);
    }

    /// <summary>Moves the clock past the proposal's deadline, so it can be queued (or is defeated).</summary>
    public static async Task CloseVotingAsync(Consortium any, BigInteger proposalId, CancellationToken ct = default)
    {
        var deadline = await any.Governance.DeadlineAsync(proposalId, ct);
        await SkipToAsync(any, deadline + 1, ct);
    }

    /// <summary>Mines a block whose timestamp is at least <paramref name="timestamp"/>.</summary>
    public static async Task SkipToAsync(Consortium any, long timestamp, CancellationToken ct = default)
    {
        var now = await any.Chain.LatestTimestampAsync(ct);
        if (now < timestamp) await new AnvilControl(any.Chain).IncreaseTimeAsync(timestamp - now, ct);
    }
}
