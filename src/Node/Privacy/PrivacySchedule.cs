using FedChain.Contracts.Ledger;
using FedChain.Learning.Plans;
using FedChain.Learning.Privacy.Accounting;

namespace FedChain.Node.Privacy;

/// <summary>
/// The on-chain privacy spend a member's commits must add up to, from public plan values alone
/// (<see cref="MemberDpSgd"/>): after it has trained k rounds, its cumulative spend on the ledger is
/// the epsilon of k x stepsPerRound sampled Gaussian steps at its (q, sigma), in micro units
/// (<see cref="FixedPoint.ToMicro"/>). Nodes commit towards it and the auditor checks against it.
/// </summary>
public static class PrivacySchedule
{
    /// <summary>The cumulative micro-epsilon of a member that has trained <paramref name="roundsTrained"/> rounds.</summary>
    public static long CumulativeMicro(MemberDpSgd dp, int roundsTrained) =>
        roundsTrained <= 0 ? 0 : FixedPoint.ToMicro(Epsilon(dp, roundsTrained));

    /// <summary>The epsilon of <paramref name="roundsTrained"/> rounds, composed as the member's accountant composes its merged history.</summary>
    public static double Epsilon(MemberDpSgd dp, int roundsTrained) =>
        RdpAccountant.Epsilon(dp.Options.SampleRate, dp.Options.NoiseMultiplier, (long)dp.StepsPerRound * roundsTrained, dp.Delta, dp.Conversion);

    /// <summary>The plan's per-member budget as <c>PlanParams.EpsilonBudget</c> carries it; 0 for a plan without DP.</summary>
    public static ulong BudgetMicro(TrainingPlan plan) =>
        plan.Privacy is { } privacy ? (ulong)FixedPoint.ToMicro(privacy.TargetEpsilon) : 0;
}
