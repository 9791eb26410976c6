using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace FedChain.Contracts.Ledger;

/// <summary>
/// What governance fixes when it starts a plan (TrainingLedger's PlanParams tuple). Fixed-point
/// fields use <see cref="FixedPoint"/> micro units: an epsilon budget of 3.0 is 3,000,000.
/// </summary>
public sealed class PlanParams
{
    /// <summary>SHA-256 of the canonical plan JSON (32 bytes).</summary>
    [Parameter("bytes32", "planHash", 1)] public byte[] PlanHash { get; set; } = new byte[32];

    [Parameter("address[]", "invited", 2)] public List<string> Invited { get; set; } = [];

    [Parameter("uint32", "rounds", 3)] public uint Rounds { get; set; }

    /// <summary>Seconds each round accepts commits.</summary>
    [Parameter("uint32", "commitWindow", 4)] public uint CommitWindow { get; set; }

    /// <summary>Seconds the invited members have to opt in.</summary>
    [Parameter("uint32", "enrolmentWindow", 5)] public uint EnrolmentWindow { get; set; }

    /// <summary>Share of participants whose votes agree an aggregate or score vector; 51..100.</summary>
    [Parameter("uint8", "quorumPercent", 6)] public byte QuorumPercent { get; set; } = 51;

    /// <summary>Per-member epsilon budget, micro-epsilon; 0 when the plan spends none.</summary>
    [Parameter("uint64", "epsilonBudget", 7)] public ulong EpsilonBudget { get; set; }

    [Parameter("bool", "secureAggregation", 8)] public bool SecureAggregation { get; set; }

    /// <summary>0: per-member updates visible (DP mode, exact scores); 1: aggregate only (secure aggregation).</summary>
    [Parameter("uint8", "contributionMode", 9)] public byte ContributionMode { get; set; }

    /// <summary>A commit for round r carries the score vote for round r - ScoresLag; 1 or 2.</summary>
    [Parameter("uint8", "scoresLag", 10)] public byte ScoresLag { get; set; } = 2;

    /// <summary>Reward-token base units minted per 1.0 of positive score.</summary>
    [Parameter("uint128", "rewardPerScore", 11)] public BigInteger RewardPerScore { get; set; }
}
