using FedChain.Contracts.Ledger;
using FedChain.Learning.Plans;
using FedChain.Learning.Privacy.Accounting;

namespace FedChain.Node.Privacy;

/// <summary>
/// A plan's privacy spend in the ledger's terms, from public plan values alone (<see cref="MemberDpSgd"/>).
/// The ledger charges every commit of a training round the same amount (PlanParams.EpsilonPerRound,
/// whatever the member says): the RDP-composed epsilon of the plan's most expensive member over all its
/// training rounds, spread evenly over them and rounded up to a micro unit. So a member that trains every
/// round is charged at least what its accountant says the whole plan spends; one that stops early is charged
/// less than its accountant's figure for those rounds (composition grows more slowly than the rounds).
/// </summary>
public static class PrivacySchedule
{
    /// <summary>The cumulative micro-epsilon of a member that has trained <paramref name="roundsTrained"/> rounds, by its accountant.</summary>
    public static long CumulativeMicro(MemberDpSgd dp, int roundsTrained) =>
        roundsTrained <= 0 ? 0 : FixedPoint.ToMicro(Epsilon(dp, roundsTrained));

    /// <summary>The epsilon of <paramref name="roundsTrained"/> rounds, composed as the member's accountant composes its merged history.</summary>
    public static double Epsilon(MemberDpSgd dp, int roundsTrained) =>
        RdpAccountant.Epsilon(dp.Options.SampleRate, dp.Options.NoiseMultiplier, (long)dp.StepsPerRound * roundsTrained, dp.Delta, dp.Conversion);

    /// <summary>PlanParams.EpsilonPerRound: micro-epsilon charged per training round, over every member the
    /// plan's privacy section declares; 0 for a plan without DP.</summary>
    public static uint PerRoundMicro(TrainingPlan plan)
    {
        if (plan.Privacy is not { } privacy) return 0;
        var planned = privacy.DeclaredCounts.Max(d => MemberDpSgd.For(plan, d.Member).PlannedEpsilon);
        return checked((uint)Math.Ceiling(planned * FixedPoint.Scale / plan.Rounds));
    }

    /// <summary>PlanParams.EpsilonBudget: what the whole plan charges a member who trains every round; 0 without DP.</summary>
    public static ulong BudgetMicro(TrainingPlan plan) => (ulong)PerRoundMicro(plan) * (ulong)plan.Rounds;
}
