using System.Numerics;
using FedChain.Contracts.Client;

namespace FedChain.Contracts.Governance;

/// <summary>
/// Proposes, votes, queues and executes on the ConsortiumGovernor as this client's institution, and
/// reads everything needed to describe a proposal. A passed proposal goes through the timelock:
/// <see cref="QueueAsync"/> once the vote succeeded, then <see cref="ExecuteAsync"/> once its ETA has
/// come, before it expires (<see cref="ExpiryAsync"/>).
/// </summary>
/// <param name="timelock">The ConsortiumTimelock (for <see cref="GuardianCancelAsync"/> and the timelock's settings).</param>
public sealed partial class GovernanceClient(ChainClient chain, string governor, string? timelock = null)
{
    public string Address => governor;

    public string Timelock => timelock ?? throw new InvalidOperationException("this governance client was made without the timelock's address");

    /// <summary>Submits a proposal; its id comes from the ProposalCreated event.</summary>
    public async Task<SubmittedProposal> ProposeAsync(Proposal proposal, CancellationToken ct = default)
    {
        var outcome = await chain.SendAsync(governor, new GovernorFunctions.Propose
        {
            Targets = proposal.Targets.ToList(),
            Values = proposal.Values.ToList(),
            Calldatas = proposal.Calldatas.ToList(),
            Description = proposal.Description,
        }, ct);
        return new SubmittedProposal(outcome.Events<GovernorEvents.ProposalCreated>().Single().ProposalId, outcome);
    }

    /// <summary>Votes on an active proposal; reverts (decoded) for a non-member, twice, or outside its vote.</summary>
    public Task<TransactionOutcome> VoteAsync(BigInteger proposalId, VoteSupport support, CancellationToken ct = default) =>
        chain.SendAsync(governor, new GovernorFunctions.CastVote { ProposalId = proposalId, Support = (byte)support }, ct);

    /// <summary>Puts a succeeded proposal in the timelock (anyone may); it can execute at its ETA.</summary>
    public Task<TransactionOutcome> QueueAsync(Proposal proposal, CancellationToken ct = default) =>
        chain.SendAsync(governor, Call<GovernorFunctions.Queue>(proposal), ct);

    /// <summary>Executes a queued proposal through the timelock (anyone may); reverts (decoded) before its
    /// ETA, after its expiry, or unless its vote succeeded and it was queued.</summary>
    public Task<TransactionOutcome> ExecuteAsync(Proposal proposal, CancellationToken ct = default) =>
        chain.SendAsync(governor, Call<GovernorFunctions.Execute>(proposal), ct);

    /// <summary>The proposer withdraws its proposal while it is still pending (before voting opens).</summary>
    public Task<TransactionOutcome> CancelAsync(Proposal proposal, CancellationToken ct = default) =>
        chain.SendAsync(governor, Call<GovernorFunctions.Cancel>(proposal), ct);

    /// <summary>A guardian (a timelock canceller) vetoes a queued proposal; its state becomes Canceled.</summary>
    public async Task<TransactionOutcome> GuardianCancelAsync(Proposal proposal, CancellationToken ct = default) =>
        await chain.SendAsync(Timelock, new TimelockFunctions.Cancel { Id = await TimelockOperationAsync(proposal, ct) }, ct);

    /// <summary>The id the timelock schedules a queued proposal under.</summary>
    public Task<byte[]> TimelockOperationAsync(Proposal proposal, CancellationToken ct = default) =>
        chain.CallAsync<TimelockFunctions.HashOperationBatch, byte[]>(Timelock, new()
        {
            Targets = proposal.Targets.ToList(),
            Values = proposal.Values.ToList(),
            Payloads = proposal.Calldatas.ToList(),
            Salt = proposal.TimelockSalt(governor),
        }, ct: ct);

    public async Task<ProposalState> StateAsync(BigInteger proposalId, CancellationToken ct = default) =>
        (ProposalState)await chain.CallAsync<GovernorFunctions.State, byte>(governor, new() { ProposalId = proposalId }, ct: ct);

    /// <summary>When voting closes (timestamp, seconds), including a late-quorum extension.</summary>
    public async Task<long> DeadlineAsync(BigInteger proposalId, CancellationToken ct = default) =>
        (long)await chain.CallAsync<GovernorFunctions.ProposalDeadline, BigInteger>(governor, new() { ProposalId = proposalId }, ct: ct);

    /// <summary>When voting opens: votes count from the first block after this timestamp.</summary>
    public async Task<long> SnapshotAsync(BigInteger proposalId, CancellationToken ct = default) =>
        (long)await chain.CallAsync<GovernorFunctions.ProposalSnapshot, BigInteger>(governor, new() { ProposalId = proposalId }, ct: ct);

    /// <summary>When a queued proposal may execute (timestamp); 0 until it is queued.</summary>
    public async Task<long> EtaAsync(BigInteger proposalId, CancellationToken ct = default) =>
        (long)await chain.CallAsync<GovernorFunctions.ProposalEta, BigInteger>(governor, new() { ProposalId = proposalId }, ct: ct);

    /// <summary>When a passed proposal expires: not queued by then (or, once queued, not executed by then) it never executes.</summary>
    public async Task<long> ExpiryAsync(BigInteger proposalId, CancellationToken ct = default) =>
        (long)await chain.CallAsync<GovernorFunctions.ProposalExpiry, BigInteger>(governor, new() { ProposalId = proposalId }, ct: ct);

    /// <summary>Whether a passed proposal must be queued before it executes (always, with the timelock).</summary>
    public Task<bool> ProposalNeedsQueuingAsync(BigInteger proposalId, CancellationToken ct = default) =>
        chain.CallAsync<GovernorFunctions.ProposalNeedsQueuing, bool>(governor, new() { ProposalId = proposalId }, ct: ct);

    public Task<string> ProposerAsync(BigInteger proposalId, CancellationToken ct = default) =>
        chain.CallAsync<GovernorFunctions.ProposalProposer, string>(governor, new() { ProposalId = proposalId }, ct: ct);

    /// <summary>The votes so far, as they count now (voters removed since are left out).</summary>
    public async Task<ProposalVotes> VotesAsync(BigInteger proposalId, CancellationToken ct = default)
    {
        var v = await chain.CallDtoAsync<GovernorFunctions.ProposalVotes, GovernorFunctions.ProposalVotesOutput>(governor, new() { ProposalId = proposalId }, ct: ct);
        return new ProposalVotes(v.Against, v.For, v.Abstain);
    }

    /// <summary>Everyone who voted on the proposal, in voting order.</summary>
    public Task<List<string>> VotersAsync(BigInteger proposalId, CancellationToken ct = default) =>
        chain.CallAsync<GovernorFunctions.ProposalVoters, List<string>>(governor, new() { ProposalId = proposalId }, ct: ct);

    public Task<bool> HasVotedAsync(BigInteger proposalId, string account, CancellationToken ct = default) =>
        chain.CallAsync<GovernorFunctions.HasVoted, bool>(governor, new() { ProposalId = proposalId, Account = account }, ct: ct);

    /// <summary>The For votes the proposal needs: ceil(members at its snapshot * quorum percent / 100); before
    /// its snapshot, the figure as of now (members admitted or removed until the snapshot change it).</summary>
    public async Task<BigInteger> QuorumAsync(BigInteger proposalId, CancellationToken ct = default) =>
        await QuorumAtAsync(await PastTimepointAsync(await SnapshotAsync(proposalId, ct), ct), ct);

    /// <summary>The For votes a proposal with its snapshot at <paramref name="timepoint"/> needs.</summary>
    public Task<BigInteger> QuorumAtAsync(long timepoint, CancellationToken ct = default) =>
        chain.CallAsync<GovernorFunctions.Quorum, BigInteger>(governor, new() { Timepoint = timepoint }, ct: ct);

    /// <summary>Everything about a proposal in one go (<see cref="ProposalStatus"/>).</summary>
    public async Task<ProposalStatus> StatusAsync(BigInteger proposalId, CancellationToken ct = default)
    {
        var snapshot = await SnapshotAsync(proposalId, ct);
        return new ProposalStatus(
            proposalId,
            await StateAsync(proposalId, ct),
            await ProposerAsync(proposalId, ct),
            snapshot,
            await DeadlineAsync(proposalId, ct),
            await EtaAsync(proposalId, ct),
            await ExpiryAsync(proposalId, ct),
            await VotesAsync(proposalId, ct),
            await QuorumAtAsync(await PastTimepointAsync(snapshot, ct), ct),
            await ProposalNeedsQueuingAsync(proposalId, ct),
            await VotersAsync(proposalId, ct));
    }

    private static T Call<T>(Proposal proposal) where T : GovernorFunctions.IProposalCall, new() => new()
    {
        Targets = [.. proposal.Targets],
        Values = [.. proposal.Values],
        Calldatas = [.. proposal.Calldatas],
        DescriptionHash = proposal.DescriptionHash,
    };

    /// <summary>The governor can only look up checkpoints in the past: a timepoint not yet reached becomes the last second that is.</summary>
    private async Task<long> PastTimepointAsync(long timepoint, CancellationToken ct) =>
        Math.Min(timepoint, await chain.LatestTimestampAsync(ct) - 1);

    /// <summary>The governor's and the timelock's current settings.</summary>
    public async Task<GovernanceSettings> SettingsAsync(CancellationToken ct = default) => new(
        (long)await chain.CallAsync<GovernorFunctions.VotingDelay, BigInteger>(governor, new(), ct: ct),
        (long)await chain.CallAsync<GovernorFunctions.VotingPeriod, BigInteger>(governor, new(), ct: ct),
        await chain.CallAsync<GovernorFunctions.QuorumNumerator, BigInteger>(governor, new(), ct: ct),
        (long)await chain.CallAsync<GovernorFunctions.LateQuorumVoteExtension, ulong>(governor, new(), ct: ct),
        (long)await chain.CallAsync<TimelockFunctions.GetMinDelay, BigInteger>(Timelock, new(), ct: ct),
        (long)await chain.CallAsync<GovernorFunctions.GracePeriod, BigInteger>(governor, new(), ct: ct));
}
