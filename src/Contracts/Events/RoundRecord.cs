using FedChain.Contracts.Ledger;

namespace FedChain.Contracts.Events;

/// <summary>One round of a plan as the events tell it.</summary>
public sealed class RoundRecord(uint round)
{
    public uint Round { get; } = round;

    public ulong OpenedAt { get; internal set; }

    public ulong Deadline { get; internal set; }

    public bool Closed { get; internal set; }

    /// <summary>Closed because every participant committed (not at the deadline).</summary>
    public bool ClosedEarly { get; internal set; }

    /// <summary>The participant set the chain decided: every commit, in chain order.</summary>
    public List<LedgerEvents.Committed> Commitments { get; } = [];

    /// <summary>An asynchronous plan's arrival window: its committers in chain order, as ArrivalsClosed lists them (lower-case addresses; empty for a synchronous round).</summary>
    public List<string> Arrivals { get; } = [];

    public List<VoteRecord> AggregateVotes { get; } = [];

    public List<VoteRecord> ScoresVotes { get; } = [];

    public List<LedgerEvents.Dissent> Dissents { get; } = [];

    /// <summary>Exclusion ballots cast for this round (its blobs some members did not hold), in chain order.</summary>
    public List<LedgerEvents.ExclusionVoted> ExclusionBallots { get; } = [];

    /// <summary>Members named lying in the round's sharded aggregation, by whom, in chain order.</summary>
    public List<LedgerEvents.AggregatorNamed> AggregatorFindings { get; } = [];

    /// <summary>Members whose blob a quorum voted out of the round (lower-case addresses).</summary>
    public SortedSet<string> Excluded { get; } = new(StringComparer.Ordinal);

    /// <summary>Each member's pinned utility report of this round (from its next commit, or a standalone pin; the first counts).</summary>
    public SortedDictionary<string, byte[]> ReportPins { get; } = new(StringComparer.Ordinal);

    /// <summary>The round's set as the chain decided it: committers less excluded blobs, ascending lower-case addresses.</summary>
    public IReadOnlyList<string> Members => [.. Commitments.Select(c => c.Member.ToLowerInvariant()).Where(m => !Excluded.Contains(m)).Distinct().Order(StringComparer.Ordinal)];

    public byte[]? FinalAggregate { get; internal set; }

    public byte[]? AgreedScores { get; internal set; }

    public ScoreVector? RecordedScores { get; internal set; }
}
