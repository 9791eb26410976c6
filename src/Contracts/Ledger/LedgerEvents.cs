using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace FedChain.Contracts.Ledger;

/// <summary>TrainingLedger events: the record an auditor or a restarted node replays.</summary>
public static class LedgerEvents
{
    [Event("PlanStarted")]
    public sealed class PlanStarted : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("bytes32", "planHash", 2)] public byte[] PlanHash { get; set; } = [];
        [Parameter("address[]", "invited", 3)] public List<string> Invited { get; set; } = [];
        [Parameter("uint32", "rounds", 4)] public uint Rounds { get; set; }
        [Parameter("uint32", "commitWindow", 5)] public uint CommitWindow { get; set; }
        [Parameter("uint40", "enrolmentDeadline", 6)] public ulong EnrolmentDeadline { get; set; }
    }

    [Event("PlanTerms")]
    public sealed class PlanTerms : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint8", "quorumPercent", 2)] public byte QuorumPercent { get; set; }
        [Parameter("uint64", "epsilonBudget", 3)] public ulong EpsilonBudget { get; set; }
        [Parameter("bool", "secureAggregation", 4)] public bool SecureAggregation { get; set; }
        [Parameter("uint8", "contributionMode", 5)] public byte ContributionMode { get; set; }
        [Parameter("uint8", "scoresLag", 6)] public byte ScoresLag { get; set; }
        [Parameter("uint128", "rewardPool", 7)] public BigInteger RewardPool { get; set; }
        /// <summary>See <see cref="PlanKind"/>.</summary>
        [Parameter("uint8", "kind", 8)] public byte Kind { get; set; }
        /// <summary>0: synchronous rounds; K: an asynchronous plan whose training rounds are arrival windows closing at their K-th commit.</summary>
        [Parameter("uint8", "bufferSize", 9)] public byte BufferSize { get; set; }
    }

    [Event("PlanLimits")]
    public sealed class PlanLimits : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("bytes32", "schemaHash", 2)] public byte[] SchemaHash { get; set; } = [];
        /// <summary>Per invitee, in PlanStarted's order.</summary>
        [Parameter("uint64[]", "maxSamples", 3)] public List<ulong> MaxSamples { get; set; } = [];
        [Parameter("uint8", "setupRounds", 4)] public byte SetupRounds { get; set; }
        [Parameter("uint8", "minParticipants", 5)] public byte MinParticipants { get; set; }
        [Parameter("uint32", "epsilonPerRound", 6)] public uint EpsilonPerRound { get; set; }
        [Parameter("uint32", "availabilityWindow", 7)] public uint AvailabilityWindow { get; set; }
        [Parameter("uint32", "settlementWindow", 8)] public uint SettlementWindow { get; set; }
    }

    [Event("OptedIn")]
    public sealed class OptedIn : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("address", "member", 2, true)] public string Member { get; set; } = "";
        /// <summary>Its bit in exclusion ballots.</summary>
        [Parameter("uint8", "index", 3)] public byte Index { get; set; }
    }

    [Event("ParticipantDropped")]
    public sealed class ParticipantDropped : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("address", "member", 2, true)] public string Member { get; set; } = "";
    }

    [Event("RoundOpened")]
    public sealed class RoundOpened : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2, true)] public uint Round { get; set; }
        [Parameter("uint40", "openedAt", 3)] public ulong OpenedAt { get; set; }
        [Parameter("uint40", "deadline", 4)] public ulong Deadline { get; set; }
    }

    [Event("RoundClosed")]
    public sealed class RoundClosed : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2, true)] public uint Round { get; set; }
        [Parameter("uint16", "committed", 3)] public ushort Committed { get; set; }
        [Parameter("bool", "early", 4)] public bool Early { get; set; }
    }

    /// <summary>An asynchronous plan's arrival window closed: its committers in the order the chain took them.</summary>
    [Event("ArrivalsClosed")]
    public sealed class ArrivalsClosed : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2, true)] public uint Round { get; set; }
        [Parameter("address[]", "arrivals", 3)] public List<string> Arrivals { get; set; } = [];
    }

    [Event("PlanCompleted")]
    public sealed class PlanCompleted : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
    }

    [Event("PlanCancelled")]
    public sealed class PlanCancelled : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
    }

    [Event("Committed")]
    public sealed class Committed : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2, true)] public uint Round { get; set; }
        [Parameter("address", "member", 3, true)] public string Member { get; set; } = "";
        [Parameter("bytes32", "blobHash", 4)] public byte[] BlobHash { get; set; } = [];
        [Parameter("uint64", "sampleCount", 5)] public ulong SampleCount { get; set; }
        /// <summary>What the ledger charged: the plan's epsilonPerRound in a training round, else 0.</summary>
        [Parameter("uint64", "epsilonSpent", 6)] public ulong EpsilonSpent { get; set; }
        [Parameter("bytes32", "aggregateVote", 7)] public byte[] AggregateVote { get; set; } = [];
        [Parameter("bytes32", "scoresVote", 8)] public byte[] ScoresVote { get; set; } = [];
        /// <summary>Round 0: SHA-256 of the member's secure-aggregation key and share blob ids; round r: its utility report of round r - 1; zero for none.</summary>
        [Parameter("bytes32", "pinnedHash", 9)] public byte[] PinnedHash { get; set; } = [];
    }

    [Event("Pinned")]
    public sealed class Pinned : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2, true)] public uint Round { get; set; }
        [Parameter("address", "member", 3, true)] public string Member { get; set; } = "";
        [Parameter("bytes32", "hash", 4)] public byte[] Hash { get; set; } = [];
    }

    [Event("ExclusionVoted")]
    public sealed class ExclusionVoted : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2, true)] public uint Round { get; set; }
        [Parameter("address", "voter", 3, true)] public string Voter { get; set; } = "";
        /// <summary>Bit i: the round blob of participant index i (OptedIn.Index) is missing.</summary>
        [Parameter("uint256", "missing", 4)] public BigInteger Missing { get; set; }
    }

    /// <summary>A participant named a committer that lied in the round's sharded aggregation (AggregatorFindings.sol).</summary>
    [Event("AggregatorNamed")]
    public sealed class AggregatorNamed : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2, true)] public uint Round { get; set; }
        [Parameter("address", "member", 3, true)] public string Member { get; set; } = "";
        [Parameter("address", "reporter", 4)] public string Reporter { get; set; } = "";
        [Parameter("uint32", "shard", 5)] public uint Shard { get; set; }
        /// <summary>The id of the member's signed gossip claim (SHA-256).</summary>
        [Parameter("bytes32", "claim", 6)] public byte[] Claim { get; set; } = [];
        /// <summary>The blob id of the shard sum the claim names.</summary>
        [Parameter("bytes32", "aggregate", 7)] public byte[] Aggregate { get; set; } = [];
        /// <summary>1 wrong shard sum, 2 false challenge answer, 3 claim not over the participants, 4 malformed sum blob.</summary>
        [Parameter("uint8", "reason", 8)] public byte Reason { get; set; }
    }

    [Event("BlobExcluded")]
    public sealed class BlobExcluded : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2, true)] public uint Round { get; set; }
        [Parameter("address", "member", 3, true)] public string Member { get; set; } = "";
        [Parameter("uint16", "votes", 4)] public ushort Votes { get; set; }
    }

    [Event("Voted")]
    public sealed class Voted : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2, true)] public uint Round { get; set; }
        [Parameter("address", "voter", 3, true)] public string Voter { get; set; } = "";
        [Parameter("uint8", "kind", 4)] public byte Kind { get; set; }
        [Parameter("bytes32", "hash", 5)] public byte[] Hash { get; set; } = [];
    }

    [Event("AggregateFinalised")]
    public sealed class AggregateFinalised : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2, true)] public uint Round { get; set; }
        [Parameter("bytes32", "aggregateHash", 3)] public byte[] AggregateHash { get; set; } = [];
        [Parameter("uint16", "votes", 4)] public ushort Votes { get; set; }
    }

    /// <summary>An analysis plan's result: a quorum of equal hashes of the results computed after <see cref="Round"/>.</summary>
    [Event("ResultAgreed")]
    public sealed class ResultAgreed : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2, true)] public uint Round { get; set; }
        [Parameter("bytes32", "resultHash", 3)] public byte[] ResultHash { get; set; } = [];
        [Parameter("uint16", "votes", 4)] public ushort Votes { get; set; }
    }

    [Event("ScoresAgreed")]
    public sealed class ScoresAgreed : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2, true)] public uint Round { get; set; }
        [Parameter("bytes32", "scoresHash", 3)] public byte[] ScoresHash { get; set; } = [];
        [Parameter("uint16", "votes", 4)] public ushort Votes { get; set; }
    }

    [Event("Dissent")]
    public sealed class Dissent : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2, true)] public uint Round { get; set; }
        [Parameter("address", "voter", 3, true)] public string Voter { get; set; } = "";
        [Parameter("uint8", "kind", 4)] public byte Kind { get; set; }
        [Parameter("bytes32", "hash", 5)] public byte[] Hash { get; set; } = [];
        [Parameter("bytes32", "leadingHash", 6)] public byte[] LeadingHash { get; set; } = [];
    }

    /// <summary>One recordScores batch: Scores holds one row of Members.Count per round from FirstRound.</summary>
    [Event("ScoresRecorded")]
    public sealed class ScoresRecorded : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "firstRound", 2, true)] public uint FirstRound { get; set; }
        [Parameter("address[]", "members", 3)] public List<string> Members { get; set; } = [];
        [Parameter("int64[]", "scores", 4)] public List<long> Scores { get; set; } = [];

        /// <summary>The batch's score vectors, one per round.</summary>
        public IReadOnlyList<ScoreVector> Rows() =>
            [.. Enumerable.Range(0, Members.Count == 0 ? 0 : Scores.Count / Members.Count)
                .Select(k => new ScoreVector(PlanId, FirstRound + (uint)k, Members, Scores.Skip(k * Members.Count).Take(Members.Count).ToList()))];
    }

    [Event("PlanSettled")]
    public sealed class PlanSettled : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("uint128", "minted", 2)] public BigInteger Minted { get; set; }
    }

    [Event("LifetimeBudgetSet")]
    public sealed class LifetimeBudgetSet : IEventDTO
    {
        [Parameter("bytes32", "dataset", 1, true)] public byte[] Dataset { get; set; } = [];
        [Parameter("uint64", "budget", 2)] public ulong Budget { get; set; }
    }

    [Event("DefaultLifetimeBudgetSet")]
    public sealed class DefaultLifetimeBudgetSet : IEventDTO
    {
        [Parameter("uint64", "budget", 1)] public ulong Budget { get; set; }
    }

    [Event("MaxRewardPoolSet")]
    public sealed class MaxRewardPoolSet : IEventDTO
    {
        [Parameter("uint128", "maxRewardPool", 1)] public BigInteger MaxRewardPool { get; set; }
    }

    [Event("ModelReleased")]
    public sealed class ModelReleased : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("bytes32", "modelHash", 2)] public byte[] ModelHash { get; set; } = [];
        [Parameter("bytes32", "evaluationReportHash", 3)] public byte[] EvaluationReportHash { get; set; } = [];
    }

    [Event("EvaluationPinned")]
    public sealed class EvaluationPinned : IEventDTO
    {
        [Parameter("uint256", "planId", 1, true)] public BigInteger PlanId { get; set; }
        [Parameter("address", "member", 2, true)] public string Member { get; set; } = "";
        [Parameter("bytes32", "blobHash", 3)] public byte[] BlobHash { get; set; } = [];
    }
}
