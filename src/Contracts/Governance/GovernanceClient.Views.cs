using System.Numerics;
using FedChain.Contracts.Client;

namespace FedChain.Contracts.Governance;

/// <summary>Voting with a reason, the timelock's queue step, and what a voter reads before voting.</summary>
public sealed partial class GovernanceClient
{
    public Task<TransactionOutcome> VoteAsync(BigInteger proposalId, VoteSupport support, string reason, CancellationToken ct = default) =>
        chain.SendAsync(governor, new GovernorFunctions.CastVoteWithReason { ProposalId = proposalId, Support = (byte)support, Reason = reason }, ct);

    /// <summary>Schedules a succeeded proposal on a timelocked governor (OpenZeppelin GovernorTimelockControl).</summary>
    public Task<TransactionOutcome> QueueAsync(Proposal proposal, CancellationToken ct = default) =>
        chain.SendAsync(governor, new GovernorFunctions.Queue
        {
            Targets = proposal.Targets.ToList(),
            Values = proposal.Values.ToList(),
            Calldatas = proposal.Calldatas.ToList(),
            DescriptionHash = proposal.DescriptionHash,
        }, ct);

    /// <summary>True when the proposal must be queued before it executes (a governor without a timelock says false).</summary>
    public Task<bool> NeedsQueuingAsync(BigInteger proposalId, CancellationToken ct = default) =>
        chain.CallAsync<GovernorFunctions.ProposalNeedsQueuing, bool>(governor, new() { ProposalId = proposalId }, ct: ct);

    /// <summary>When a queued proposal may execute (timestamp, seconds); 0 when not queued.</summary>
    public async Task<long> EtaAsync(BigInteger proposalId, CancellationToken ct = default) =>
        (long)await chain.CallAsync<GovernorFunctions.ProposalEta, BigInteger>(governor, new() { ProposalId = proposalId }, ct: ct);

    public Task<GovernorFunctions.ProposalVotesOutput> VotesAsync(BigInteger proposalId, CancellationToken ct = default) =>
        chain.CallDtoAsync<GovernorFunctions.ProposalVotes, GovernorFunctions.ProposalVotesOutput>(governor, new() { ProposalId = proposalId }, ct: ct);

    public Task<bool> HasVotedAsync(BigInteger proposalId, string account, CancellationToken ct = default) =>
        chain.CallAsync<GovernorFunctions.HasVoted, bool>(governor, new() { ProposalId = proposalId, Account = account }, ct: ct);

    /// <summary>Votes a proposal whose snapshot is <paramref name="timepoint"/> needs.</summary>
    public Task<BigInteger> QuorumAsync(long timepoint, CancellationToken ct = default) =>
        chain.CallAsync<GovernorFunctions.Quorum, BigInteger>(governor, new() { Timepoint = timepoint }, ct: ct);

    /// <summary>Which votes count toward the quorum, from COUNTING_MODE's "quorum=" part (e.g. ["for", "abstain"]).</summary>
    public async Task<IReadOnlyList<string>> QuorumCountsAsync(CancellationToken ct = default)
    {
        var mode = await chain.CallAsync<GovernorFunctions.CountingMode, string>(governor, new(), ct: ct);
        var quorum = mode.Split('&').FirstOrDefault(p => p.StartsWith("quorum=", StringComparison.Ordinal));
        return quorum is null ? ["for"] : quorum["quorum=".Length..].Split(',');
    }

    public async Task<long> VotingDelayAsync(CancellationToken ct = default) =>
        (long)await chain.CallAsync<GovernorFunctions.VotingDelay, BigInteger>(governor, new(), ct: ct);

    public async Task<long> VotingPeriodAsync(CancellationToken ct = default) =>
        (long)await chain.CallAsync<GovernorFunctions.VotingPeriod, BigInteger>(governor, new(), ct: ct);

    public async Task<int> QuorumPercentAsync(CancellationToken ct = default) =>
        (int)await chain.CallAsync<GovernorFunctions.QuorumNumerator, BigInteger>(governor, new(), ct: ct);
}
