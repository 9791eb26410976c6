using System.Numerics;
using FedChain.Contracts.Ledger;

namespace FedChain.Contracts.Events;

/// <summary>A training or analysis plan as the events tell it.</summary>
public sealed class PlanRecord(BigInteger planId)
{
    public BigInteger PlanId { get; } = planId;

    public byte[] PlanHash { get; internal set; } = [];

    /// <summary>Invited members still in the plan (lower-case addresses).</summary>
    public SortedSet<string> Invited { get; } = new(StringComparer.Ordinal);

    /// <summary>Members that opted in and were not dropped (lower-case addresses).</summary>
    public SortedSet<string> Participants { get; } = new(StringComparer.Ordinal);

    public uint TotalRounds { get; internal set; }

    public uint CommitWindow { get; internal set; }

    public ulong EnrolmentDeadline { get; internal set; }

    public LedgerEvents.PlanTerms? Terms { get; internal set; }

    /// <summary>Training or analysis (from <see cref="Terms"/>).</summary>
    public PlanKind Kind => (PlanKind)(Terms?.Kind ?? 0);

    /// <summary>Schema hash (dataset), per-invitee sample limits, setup rounds, minimum participants, epsilon per round, windows.</summary>
    public LedgerEvents.PlanLimits? Limits { get; internal set; }

    /// <summary>Each participant's opt-in index (its bit in exclusion ballots), lower-case address to index.</summary>
    public SortedDictionary<string, byte> Indexes { get; } = new(StringComparer.Ordinal);

    /// <summary>Round 0 pins: each member's SHA-256 of its secure-aggregation key and share blob ids (the first pin counts).</summary>
    public SortedDictionary<string, byte[]> SecureAggregationPins { get; } = new(StringComparer.Ordinal);

    /// <summary>Reward units minted when the plan settled; null until it settled.</summary>
    public System.Numerics.BigInteger? Settled { get; internal set; }

    public PlanStatus Status { get; internal set; } = PlanStatus.Enrolling;

    public uint CurrentRound { get; internal set; }

    /// <summary>Cumulative privacy spend per member as the ledger charged it, micro-epsilon.</summary>
    public SortedDictionary<string, ulong> EpsilonSpent { get; } = new(StringComparer.Ordinal);

    public List<RoundRecord> Rounds { get; } = [];

    /// <summary>An analysis plan's result votes (each member's one vote, in chain order).</summary>
    public List<VoteRecord> ResultVotes { get; } = [];

    /// <summary>An analysis plan's agreed result (its hash and the round it follows); null until agreed.</summary>
    public LedgerEvents.ResultAgreed? AgreedResult { get; internal set; }

    public byte[]? ReleasedModel { get; internal set; }

    public byte[]? EvaluationReport { get; internal set; }

    /// <summary>Each participant's pinned evaluation blob of the final model (lower-case address to blob hash).</summary>
    public SortedDictionary<string, byte[]> Evaluations { get; } = new(StringComparer.Ordinal);

    /// <summary>The record of a round, created on first mention.</summary>
    public RoundRecord Round(uint round)
    {
        while (Rounds.Count <= round) Rounds.Add(new RoundRecord((uint)Rounds.Count));
        return Rounds[(int)round];
    }
}
