using System.Numerics;

namespace FedChain.Contracts.Ledger;

/// <summary>
/// One member's commit for a round: its update blob's SHA-256 and sample count, the epsilon it
/// spent this round (micro units), and its votes on round - 1's aggregate hash and on round -
/// scoresLag's score-vector hash (null when it has none to give).
/// </summary>
public sealed record RoundCommitment(
    BigInteger PlanId,
    uint Round,
    byte[] BlobHash,
    ulong SampleCount,
    ulong EpsilonSpentMicro = 0,
    byte[]? AggregateVote = null,
    byte[]? ScoresVote = null);
