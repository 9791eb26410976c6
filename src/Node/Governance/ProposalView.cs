namespace FedChain.Node.Governance;

/// <summary>
/// A proposal as `gov list` and `gov show` present it (and `--json` writes it): what it does, where
/// its vote stands against the quorum, its deadlines, and what happens next.
/// </summary>
/// <param name="State">The governor's state: pending, active, canceled, defeated, succeeded, queued, expired, executed.</param>
/// <param name="VotesNeeded">The quorum: votes needed to take part (what counts toward it: <paramref name="QuorumCounts"/>).</param>
/// <param name="QuorumCounts">"for,abstain" or "for": which votes count toward the quorum (the governor's COUNTING_MODE).</param>
/// <param name="VotingOpensAt">Votes count in blocks after this chain timestamp (the snapshot).</param>
/// <param name="VotingClosesAt">The last chain timestamp at which a vote counts.</param>
/// <param name="ExecutableAt">A queued proposal's ETA on a timelocked governor; null otherwise.</param>
/// <param name="ChainTime">The latest block's timestamp when this view was read.</param>
/// <param name="Next">What can be done now, in words.</param>
public sealed record ProposalView(
    string Id,
    string Proposer,
    string? ProposerName,
    string Description,
    string State,
    IReadOnlyList<ProposalAction> Actions,
    long VotesFor,
    long VotesAgainst,
    long VotesAbstain,
    long VotesNeeded,
    string QuorumCounts,
    bool QuorumReached,
    IReadOnlyList<CastVote> Voters,
    long VotingOpensAt,
    long VotingClosesAt,
    long? ExecutableAt,
    long ChainTime,
    string Next);

/// <param name="Support">for, against or abstain.</param>
public sealed record CastVote(string Voter, string? Name, string Support, string? Reason);
