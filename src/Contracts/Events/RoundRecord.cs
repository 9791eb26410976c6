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

    public List<VoteRecord> AggregateVotes { get; } = [];

    public List<VoteRecord> ScoresVotes { get; } = [];

    public List<LedgerEvents.Dissent> Dissents { get; } = [];

    public byte[]? FinalAggregate { get; internal set; }

    public byte[]? AgreedScores { get; internal set; }

    public ScoreVector? RecordedScores { get; internal set; }
}
