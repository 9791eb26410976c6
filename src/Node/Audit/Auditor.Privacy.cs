using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Plans;
using FedChain.Node.Privacy;

namespace FedChain.Node.Audit;

public sealed partial class Auditor
{
    /// <summary>
    /// Each member's on-chain privacy spend, which the ledger charges: the plan's epsilon per training
    /// round must be what its noise settings give (<see cref="PrivacySchedule.PerRoundMicro"/>), every
    /// commit of a setup round (round 0, moments) and every commit of a plan without DP carries 0, every
    /// training commit carries exactly the plan's epsilon per round, and no member's total passes the
    /// plan's budget.
    /// </summary>
    private void CheckPrivacy(string id, TrainingPlan plan, PlanRecord record)
    {
        var perRound = (long)PrivacySchedule.PerRoundMicro(plan);
        var onChain = (long)(record.Limits?.EpsilonPerRound ?? 0);
        if (onChain != perRound)
            Find(id, null, null, $"the plan charges epsilon {FixedPoint.FromMicro(onChain):G6} per training round on-chain, its noise settings give {FixedPoint.FromMicro(perRound):G6}");
        var setup = record.Limits?.SetupRounds ?? 1;
        var budget = (long)(record.Terms?.EpsilonBudget ?? 0);
        var cumulative = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var round in record.Rounds)
        {
            var expected = plan.Privacy is null || round.Round < setup ? 0 : onChain;
            foreach (var commit in round.Commitments)
            {
                var member = commit.Member.ToLowerInvariant();
                var spent = (long)commit.EpsilonSpent;
                if (spent != expected)
                    Find(id, (int)round.Round, member, $"commit carries epsilon {FixedPoint.FromMicro(spent):G6}, the plan charges {FixedPoint.FromMicro(expected):G6} in {(round.Round < setup ? "a setup round" : "a training round")}");
                var total = cumulative[member] = cumulative.GetValueOrDefault(member) + spent;
                if (total > budget)
                    Find(id, (int)round.Round, member, $"cumulative epsilon {FixedPoint.FromMicro(total):G6} on-chain is past the plan's budget {FixedPoint.FromMicro(budget):G6}");
            }
        }
    }
}
