using System.Numerics;

namespace FedChain.Contracts.Governance;

/// <summary>
/// Everything the chain says about a proposal at one moment, for describing it (<c>fedchain gov list/show</c>).
/// Times are chain timestamps (seconds); 0 where a step has not happened.
/// </summary>
/// <param name="Snapshot">Votes count from the first block after this.</param>
/// <param name="Deadline">Voting closes (later than first set if a late quorum extended it).</param>
/// <param name="Eta">When the queued proposal may execute (0 until queued).</param>
/// <param name="Expiry">A passed proposal not queued by then (or, once queued, not executed by then) expires.</param>
/// <param name="Quorum">For votes it needs (at its snapshot): abstain does not count towards it.</param>
/// <param name="Voters">Everyone who voted, in voting order (members removed since included; their votes no longer count).</param>
public sealed record ProposalStatus(
    BigInteger Id,
    ProposalState State,
    string Proposer,
    long Snapshot,
    long Deadline,
    long Eta,
    long Expiry,
    ProposalVotes Votes,
    BigInteger Quorum,
    bool NeedsQueuing,
    IReadOnlyList<string> Voters);
