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
        [Parameter("uint64", "epsilonSpent", 5)] public ulong EpsilonSpent { get; set; }
        [Parameter("bytes32", "aggregateVote", 6)] public byte[] AggregateVote { get; set; } = new byte[32];
        [Parameter("bytes32", "scoresVote", 7)] public byte[] ScoresVote { get; set; } = new byte[32];
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

    /// <summary>A plan's round clock, vote tallies and settings (LedgerTypes.sol PlanState).</summary>
    public sealed class PlanStateTuple
    {
        [Parameter("uint32", "currentRound", 1)] public uint CurrentRound { get; set; }
        [Parameter("uint40", "roundOpenedAt", 2)] public ulong RoundOpenedAt { get; set; }
        [Parameter("uint16", "committed", 3)] public ushort Committed { get; set; }
        [Parameter("uint168", "tallies", 4)] public BigInteger Tallies { get; set; }
        [Parameter("uint16", "participants", 5)] public ushort Participants { get; set; }
        [Parameter("uint8", "status", 6)] public byte Status { get; set; }
        [Parameter("uint32", "commitWindow", 7)] public uint CommitWindow { get; set; }
        [Parameter("uint32", "totalRounds", 8)] public uint TotalRounds { get; set; }
        [Parameter("uint64", "epsilonBudget", 9)] public ulong EpsilonBudget { get; set; }
        [Parameter("uint8", "quorumPercent", 10)] public byte QuorumPercent { get; set; }
        [Parameter("uint8", "scoresLag", 11)] public byte ScoresLag { get; set; }
    }

    [FunctionOutput]
    public sealed class ParticipantOutput : IFunctionOutputDTO
    {
        [Parameter("tuple", "", 1)] public ParticipantTuple Participant { get; set; } = new();
    }

    /// <summary>LedgerTypes.sol Participant; round markers hold round + 1 (0 = never).</summary>
    public sealed class ParticipantTuple
    {
        [Parameter("uint8", "status", 1)] public byte Status { get; set; }
        [Parameter("uint32", "lastCommit", 2)] public uint LastCommit { get; set; }
        [Parameter("uint32", "lastAggregateVote", 3)] public uint LastAggregateVote { get; set; }
        [Parameter("uint32", "lastScoresVote", 4)] public uint LastScoresVote { get; set; }
        [Parameter("uint64", "epsilonSpent", 5)] public ulong EpsilonSpent { get; set; }
    }

    [FunctionOutput]
    public sealed class AgreedScoresOutput : IFunctionOutputDTO
    {
        [Parameter("bytes32", "hash", 1)] public byte[] Hash { get; set; } = [];
        [Parameter("bool", "recorded", 2)] public bool Recorded { get; set; }
    }

    [FunctionOutput]
    public sealed class TallyOutput : IFunctionOutputDTO
    {
        [Parameter("bytes32", "leading", 1)] public byte[] Leading { get; set; } = [];
        [Parameter("uint8", "votes", 2)] public byte Votes { get; set; }
        [Parameter("bool", "agreed", 3)] public bool Agreed { get; set; }
    }
}
