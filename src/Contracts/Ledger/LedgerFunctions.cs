using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace FedChain.Contracts.Ledger;

/// <summary>TrainingLedger functions, as Nethereum messages.</summary>
public static class LedgerFunctions
{
    [Function("startPlan", "uint256")]
    public sealed class StartPlan : FunctionMessage
    {
        [Parameter("tuple", "p", 1)] public PlanParams Params { get; set; } = new();
    }

    [Function("optIn")]
    public sealed class OptIn : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
    }

    [Function("advance")]
    public sealed class Advance : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
    }

    [Function("commit")]
    public sealed class Commit : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
        [Parameter("bytes32", "blobHash", 3)] public byte[] BlobHash { get; set; } = new byte[32];
        [Parameter("uint64", "sampleCount", 4)] public ulong SampleCount { get; set; }
        [Parameter("bytes32", "aggregateVote", 5)] public byte[] AggregateVote { get; set; } = new byte[32];
        [Parameter("bytes32", "scoresVote", 6)] public byte[] ScoresVote { get; set; } = new byte[32];
        [Parameter("bytes32", "pinnedHash", 7)] public byte[] PinnedHash { get; set; } = new byte[32];
        [Parameter("uint256", "missing", 8)] public BigInteger Missing { get; set; }
    }

    [Function("pin")]
    public sealed class Pin : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
        [Parameter("bytes32", "hash", 3)] public byte[] Hash { get; set; } = new byte[32];
    }

    [Function("voteExclusion")]
    public sealed class VoteExclusion : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
        [Parameter("uint256", "missing", 3)] public BigInteger Missing { get; set; }
    }

    [Function("settle")]
    public sealed class Settle : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
    }

    [Function("cancelPlan")]
    public sealed class CancelPlan : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
    }

    [Function("setLifetimeBudget")]
    public sealed class SetLifetimeBudget : FunctionMessage
    {
        [Parameter("bytes32", "dataset", 1)] public byte[] Dataset { get; set; } = new byte[32];
        [Parameter("uint64", "budget", 2)] public ulong Budget { get; set; }
    }

    [Function("setDefaultLifetimeBudget")]
    public sealed class SetDefaultLifetimeBudget : FunctionMessage
    {
        [Parameter("uint64", "budget", 1)] public ulong Budget { get; set; }
    }

    [Function("setMaxRewardPool")]
    public sealed class SetMaxRewardPool : FunctionMessage
    {
        [Parameter("uint128", "maxRewardPool_", 1)] public BigInteger MaxRewardPool { get; set; }
    }

    [Function("voteAggregate")]
    public sealed class VoteAggregate : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
        [Parameter("bytes32", "aggregateHash", 3)] public byte[] AggregateHash { get; set; } = new byte[32];
    }

    [Function("voteScores")]
    public sealed class VoteScores : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
        [Parameter("bytes32", "scoresHash_", 3)] public byte[] ScoresHash { get; set; } = new byte[32];
    }

    /// <summary>Consecutive rounds from FirstRound; Scores holds one row of Members.Count per round.</summary>
    [Function("recordScores")]
    public sealed class RecordScores : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "firstRound", 2)] public uint FirstRound { get; set; }
        [Parameter("address[]", "members", 3)] public List<string> Members { get; set; } = [];
        [Parameter("int64[]", "scores", 4)] public List<long> Scores { get; set; } = [];
    }

    [Function("releaseModel")]
    public sealed class ReleaseModel : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("bytes32", "modelHash", 2)] public byte[] ModelHash { get; set; } = new byte[32];
        [Parameter("bytes32", "evaluationReportHash", 3)] public byte[] EvaluationReportHash { get; set; } = new byte[32];
    }

    [Function("pinEvaluation")]
    public sealed class PinEvaluation : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("bytes32", "blobHash", 2)] public byte[] BlobHash { get; set; } = new byte[32];
    }

    [Function("reportAggregatorFinding")]
    public sealed class ReportAggregatorFinding : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
        [Parameter("address", "member", 3)] public string Member { get; set; } = "";
        [Parameter("uint32", "shard", 4)] public uint Shard { get; set; }
        [Parameter("bytes32", "claim", 5)] public byte[] Claim { get; set; } = new byte[32];
        [Parameter("bytes32", "aggregate", 6)] public byte[] Aggregate { get; set; } = new byte[32];
        [Parameter("uint8", "reason", 7)] public byte Reason { get; set; }
    }

    [Function("voteResult")]
    public sealed class VoteResult : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
        [Parameter("bytes32", "resultHash", 3)] public byte[] ResultHash { get; set; } = new byte[32];
    }

    [Function("agreedResult", typeof(AgreedResultOutput))]
    public sealed class AgreedResult : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
    }

    [Function("resultVotes", "uint256")]
    public sealed class ResultVotes : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
        [Parameter("bytes32", "hash", 3)] public byte[] Hash { get; set; } = new byte[32];
    }

    [Function("planCount", "uint256")]
    public sealed class PlanCount : FunctionMessage;

    [Function("planState", typeof(PlanStateOutput))]
    public sealed class GetPlanState : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
    }

    [Function("participant", typeof(ParticipantOutput))]
    public sealed class GetParticipant : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("address", "account", 2)] public string Account { get; set; } = "";
    }

    [Function("agreedScores", typeof(AgreedScoresOutput))]
    public sealed class AgreedScores : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
    }

    [Function("tallyOf", typeof(TallyOutput))]
    public sealed class TallyOf : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint8", "kind", 2)] public byte Kind { get; set; }
        [Parameter("uint32", "round", 3)] public uint Round { get; set; }
    }

    [Function("scoresHash", "bytes32")]
    public sealed class ScoresHash : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
        [Parameter("address[]", "members", 3)] public List<string> Members { get; set; } = [];
        [Parameter("int64[]", "scores", 4)] public List<long> Scores { get; set; } = [];
    }

    [Function("planConfig", typeof(PlanConfigOutput))]
    public sealed class GetPlanConfig : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
    }

    [Function("epsilonSpent", "uint64")]
    public sealed class EpsilonSpent : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("address", "account", 2)] public string Account { get; set; } = "";
    }

    [Function("planEpsilonCost", "uint64")]
    public sealed class PlanEpsilonCost : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
    }

    [Function("fitsLifetimeBudget", typeof(LifetimeFitOutput))]
    public sealed class FitsLifetimeBudget : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("address", "member", 2)] public string Member { get; set; } = "";
    }

    [Function("lifetimeBudget", "uint64")]
    public sealed class LifetimeBudget : FunctionMessage
    {
        [Parameter("bytes32", "dataset", 1)] public byte[] Dataset { get; set; } = new byte[32];
    }

    [Function("lifetimeSpent", "uint64")]
    public sealed class LifetimeSpent : FunctionMessage
    {
        [Parameter("address", "member", 1)] public string Member { get; set; } = "";
        [Parameter("bytes32", "dataset", 2)] public byte[] Dataset { get; set; } = new byte[32];
    }

    [Function("defaultLifetimeBudget", "uint64")]
    public sealed class DefaultLifetimeBudget : FunctionMessage;

    [Function("maxRewardPool", "uint128")]
    public sealed class MaxRewardPool : FunctionMessage;

    [Function("removalCount", "uint32")]
    public sealed class RemovalCount : FunctionMessage;

    [Function("rewardOf", "uint256")]
    public sealed class RewardOf : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("address", "member", 2)] public string Member { get; set; } = "";
    }

    [Function("invitees", "address[]")]
    public sealed class Invitees : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
    }

    [Function("participantsByIndex", "address[]")]
    public sealed class ParticipantsByIndex : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
    }

    [Function("roundCommitters", "uint8")]
    public sealed class RoundCommitters : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
    }

    [Function("exclusionOf", typeof(ExclusionOutput))]
    public sealed class ExclusionOf : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
        [Parameter("address", "member", 3)] public string Member { get; set; } = "";
    }

    [Function("ballotOf", "uint256")]
    public sealed class BallotOf : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
        [Parameter("address", "voter", 3)] public string Voter { get; set; } = "";
    }

    [Function("releasedModel", "bytes32")]
    public sealed class ReleasedModel : FunctionMessage
    {
        [Parameter("uint256", "planId", 1)] public BigInteger PlanId { get; set; }
    }

    [FunctionOutput]
    public sealed class PlanStateOutput : IFunctionOutputDTO
    {
        [Parameter("tuple", "", 1)] public PlanStateTuple State { get; set; } = new();
    }

    /// <summary>A plan's round clock, vote tallies and settings (LedgerTypes.sol PlanState), with removals logged since its last transaction counted in.</summary>
    public sealed class PlanStateTuple
    {
        [Parameter("uint24", "currentRound", 1)] public uint CurrentRound { get; set; }
        [Parameter("uint40", "roundOpenedAt", 2)] public ulong RoundOpenedAt { get; set; }
        /// <summary>Live participants that committed the current round (early close).</summary>
        [Parameter("uint8", "committedLive", 3)] public byte CommittedLive { get; set; }
        /// <summary>Every commit of the current round, members removed since included.</summary>
        [Parameter("uint8", "committedTotal", 4)] public byte Committed { get; set; }
        [Parameter("uint168", "tallies", 5)] public BigInteger Tallies { get; set; }
        [Parameter("uint8", "participants", 6)] public byte Participants { get; set; }
        [Parameter("uint8", "invited", 7)] public byte Invited { get; set; }
        [Parameter("uint8", "status", 8)] public byte Status { get; set; }
        [Parameter("uint8", "minParticipants", 9)] public byte MinParticipants { get; set; }
        [Parameter("uint8", "quorumPercent", 10)] public byte QuorumPercent { get; set; }
        [Parameter("uint8", "scoresLag", 11)] public byte ScoresLag { get; set; }
        [Parameter("uint8", "setupRounds", 12)] public byte SetupRounds { get; set; }
        [Parameter("uint32", "commitWindow", 13)] public uint CommitWindow { get; set; }
        [Parameter("uint24", "totalRounds", 14)] public uint TotalRounds { get; set; }
        /// <summary>Charged commits a member's plan budget covers.</summary>
        [Parameter("uint24", "chargeLimit", 15)] public uint ChargeLimit { get; set; }
        [Parameter("uint32", "epsilonPerRound", 16)] public uint EpsilonPerRound { get; set; }
        [Parameter("uint32", "datasetId", 17)] public uint DatasetId { get; set; }
        [Parameter("uint32", "removalsSeen", 18)] public uint RemovalsSeen { get; set; }
        /// <summary>See <see cref="PlanKind"/>.</summary>
        [Parameter("uint8", "kind", 19)] public byte Kind { get; set; }
    }

    [FunctionOutput]
    public sealed class PlanConfigOutput : IFunctionOutputDTO
    {
        [Parameter("tuple", "", 1)] public PlanConfigTuple Config { get; set; } = new();
    }

    /// <summary>LedgerTypes.sol PlanConfig: what enrolling, excluding, scoring, settling and releasing read.</summary>
    public sealed class PlanConfigTuple
    {
        [Parameter("bytes32", "planHash", 1)] public byte[] PlanHash { get; set; } = [];
        [Parameter("bytes32", "schemaHash", 2)] public byte[] SchemaHash { get; set; } = [];
        [Parameter("uint40", "enrolmentDeadline", 3)] public ulong EnrolmentDeadline { get; set; }
        [Parameter("uint32", "availabilityWindow", 4)] public uint AvailabilityWindow { get; set; }
        [Parameter("uint32", "settlementWindow", 5)] public uint SettlementWindow { get; set; }
        [Parameter("bool", "secureAggregation", 6)] public bool SecureAggregation { get; set; }
        [Parameter("uint8", "contributionMode", 7)] public byte ContributionMode { get; set; }
        [Parameter("uint24", "recordedRounds", 8)] public uint RecordedRounds { get; set; }
        [Parameter("bool", "settled", 9)] public bool Settled { get; set; }
        [Parameter("uint128", "rewardPool", 10)] public BigInteger RewardPool { get; set; }
        [Parameter("uint128", "minted", 11)] public BigInteger Minted { get; set; }
    }

    [FunctionOutput]
    public sealed class ParticipantOutput : IFunctionOutputDTO
    {
        [Parameter("tuple", "", 1)] public ParticipantTuple Participant { get; set; } = new();
    }

    /// <summary>LedgerTypes.sol Participant; round markers hold round + 1 (0 = never).</summary>
    public sealed class ParticipantTuple
    {
        /// <summary>See <see cref="ParticipantStatus"/>.</summary>
        [Parameter("uint8", "status", 1)] public byte Status { get; set; }
        /// <summary>Opt-in order: bit Index of an exclusion ballot names this member.</summary>
        [Parameter("uint8", "index", 2)] public byte Index { get; set; }
        [Parameter("uint24", "lastCommit", 3)] public uint LastCommit { get; set; }
        [Parameter("uint24", "lastAggregateVote", 4)] public uint LastAggregateVote { get; set; }
        [Parameter("uint24", "lastScoresVote", 5)] public uint LastScoresVote { get; set; }
        [Parameter("bool", "votedScoresBefore", 6)] public bool VotedScoresBefore { get; set; }
        /// <summary>Commits charged the plan's epsilon per round.</summary>
        [Parameter("uint24", "charged", 7)] public uint Charged { get; set; }
        [Parameter("uint32", "history", 8)] public uint History { get; set; }
        [Parameter("uint48", "maxSamples", 9)] public ulong MaxSamples { get; set; }
        /// <summary>Sum of its recorded scores over the plan, micro units.</summary>
        [Parameter("int48", "netScore", 10)] public long NetScore { get; set; }
    }

    [FunctionOutput]
    public sealed class LifetimeFitOutput : IFunctionOutputDTO
    {
        [Parameter("bool", "fits", 1)] public bool Fits { get; set; }
        /// <summary>Lifetime budget left on the plan's dataset, micro-epsilon.</summary>
        [Parameter("uint64", "remaining", 2)] public ulong Remaining { get; set; }
        /// <summary>What the plan may still charge the member, micro-epsilon.</summary>
        [Parameter("uint64", "cost", 3)] public ulong Cost { get; set; }
    }

    [FunctionOutput]
    public sealed class ExclusionOutput : IFunctionOutputDTO
    {
        [Parameter("uint16", "votes", 1)] public ushort Votes { get; set; }
        [Parameter("bool", "excluded", 2)] public bool Excluded { get; set; }
    }

    [FunctionOutput]
    public sealed class AgreedScoresOutput : IFunctionOutputDTO
    {
        [Parameter("bytes32", "hash", 1)] public byte[] Hash { get; set; } = [];
        [Parameter("bool", "recorded", 2)] public bool Recorded { get; set; }
    }

    /// <summary>An analysis plan's result: the leading hash until one is agreed, then the agreed one, and the round it follows.</summary>
    [FunctionOutput]
    public sealed class AgreedResultOutput : IFunctionOutputDTO
    {
        [Parameter("bytes32", "hash", 1)] public byte[] Hash { get; set; } = [];
        [Parameter("uint32", "round", 2)] public uint Round { get; set; }
        [Parameter("bool", "agreed", 3)] public bool Agreed { get; set; }
    }

    [FunctionOutput]
    public sealed class TallyOutput : IFunctionOutputDTO
    {
        [Parameter("bytes32", "leading", 1)] public byte[] Leading { get; set; } = [];
        [Parameter("uint8", "votes", 2)] public byte Votes { get; set; }
        [Parameter("bool", "agreed", 3)] public bool Agreed { get; set; }
    }
}
