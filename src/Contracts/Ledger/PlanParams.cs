using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace FedChain.Contracts.Ledger;

/// <summary>
/// What governance fixes when it starts a plan (TrainingLedger's PlanParams tuple, LedgerTypes.sol).
/// Fixed-point fields use <see cref="FixedPoint"/> micro units: an epsilon of 3.0 is 3,000,000.
/// </summary>
public sealed class PlanParams
{
    /// <summary>SHA-256 of the canonical plan JSON (32 bytes).</summary>
    [Parameter("bytes32", "planHash", 1)] public byte[] PlanHash { get; set; } = new byte[32];

    /// <summary>The dataset (the plan's schema hash, 32 bytes, non-zero): lifetime privacy budgets are per (member, schema hash).</summary>
    [Parameter("bytes32", "schemaHash", 2)] public byte[] SchemaHash { get; set; } = new byte[32];

    [Parameter("address[]", "invited", 3)] public List<string> Invited { get; set; } = [];

    /// <summary>Per invitee (same order), the most samples it may commit in a round: its declared count, 1..2^48 - 1.</summary>
    [Parameter("uint64[]", "maxSamples", 4)] public List<ulong> MaxSamples { get; set; } = [];

    [Parameter("uint32", "rounds", 5)] public uint Rounds { get; set; }

    /// <summary>Leading rounds that only exchange setup data (moments, keys): not charged epsilon, not scored.</summary>
    [Parameter("uint8", "setupRounds", 6)] public byte SetupRounds { get; set; }

    /// <summary>Seconds each round accepts commits.</summary>
    [Parameter("uint32", "commitWindow", 7)] public uint CommitWindow { get; set; }

    /// <summary>Seconds the invited members have to opt in.</summary>
    [Parameter("uint32", "enrolmentWindow", 8)] public uint EnrolmentWindow { get; set; }

    /// <summary>Seconds after a round closes before a blob nobody holds may be voted out of it; below <see cref="CommitWindow"/>.</summary>
    [Parameter("uint32", "availabilityWindow", 9)] public uint AvailabilityWindow { get; set; }

    /// <summary>Seconds after the plan completes to record its last scores before any participant may settle it.</summary>
    [Parameter("uint32", "settlementWindow", 10)] public uint SettlementWindow { get; set; }

    /// <summary>At least 2: a plan with fewer participants when enrolment ends is cancelled.</summary>
    [Parameter("uint8", "minParticipants", 11)] public byte MinParticipants { get; set; } = 2;

    /// <summary>Share of live participants whose votes agree an aggregate, scores or an exclusion; 51..100 (and never fewer than 2 votes).</summary>
    [Parameter("uint8", "quorumPercent", 12)] public byte QuorumPercent { get; set; } = 51;

    /// <summary>Micro-epsilon the ledger charges every commit of a training round, whatever the member says; 0 without DP.</summary>
    [Parameter("uint32", "epsilonPerRound", 13)] public uint EpsilonPerRound { get; set; }

    /// <summary>Per-member epsilon budget for this plan, micro-epsilon; at least <see cref="EpsilonPerRound"/>.</summary>
    [Parameter("uint64", "epsilonBudget", 14)] public ulong EpsilonBudget { get; set; }

    [Parameter("bool", "secureAggregation", 15)] public bool SecureAggregation { get; set; }

    /// <summary>0: per-member updates visible (DP mode, exact scores); 1: aggregate only (secure aggregation).</summary>
    [Parameter("uint8", "contributionMode", 16)] public byte ContributionMode { get; set; }

    /// <summary>A commit for round r carries the score vote for round r - ScoresLag; 1 or 2.</summary>
    [Parameter("uint8", "scoresLag", 17)] public byte ScoresLag { get; set; } = 2;

    /// <summary>The most reward units the plan can ever mint; each live participant with net score N (micro) gets
    /// RewardPool * N / (training rounds * 1e6) when the plan settles.</summary>
    [Parameter("uint128", "rewardPool", 18)] public BigInteger RewardPool { get; set; }

    /// <summary>A training or an analysis plan (<see cref="PlanKind"/>); an analysis plan has no reward pool.</summary>
    [Parameter("uint8", "kind", 19)] public byte Kind { get; set; }

    /// <summary>0: synchronous rounds. K (1..invited): asynchronous, buffered aggregation (Nguyen et al. 2022, FedBuff):
    /// each training round is an arrival window that closes at its K-th commit (or its deadline); not with secure aggregation or an analysis plan.</summary>
    [Parameter("uint8", "bufferSize", 20)] public byte BufferSize { get; set; }
}
