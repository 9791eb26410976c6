using System.Numerics;

namespace FedChain.Contracts.Ledger;

/// <summary>
/// One member's commit for a round: its update blob's SHA-256 and sample count, its votes on round -
/// 1's aggregate hash and on round - scoresLag's score-vector hash (null when it has none to give),
/// the blob it pins (round 0: SHA-256 of its secure-aggregation key and share blob ids; round r &gt;= 1:
/// its utility report for round r - 1; null for none) and its exclusion ballot for round - 1 (bit i:
/// the blob of participant index i is missing; 0 for none). The ledger charges the plan's epsilon
/// per round itself: a commit says nothing about its privacy spend.
/// </summary>
public sealed record RoundCommitment(
    BigInteger PlanId,
    uint Round,
    byte[] BlobHash,
    ulong SampleCount,
    byte[]? AggregateVote = null,
    byte[]? ScoresVote = null,
    byte[]? PinnedHash = null,
    BigInteger MissingBallot = default);
