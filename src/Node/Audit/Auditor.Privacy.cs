using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Plans;
using FedChain.Node.Privacy;

namespace FedChain.Node.Audit;

public sealed partial class Auditor
{
    /// <summary>
    /// Each member's on-chain privacy spend: without DP every commit carries 0; with DP, round 0
    /// (moments) carries 0, every training commit brings the member's cumulative spend to a point of
    /// its schedule (<see cref="PrivacySchedule"/>: the epsilon of k rounds of its DP-SGD, k at least
    /// its number of training commits so far), and the total stays within the plan's budget.
    /// </summary>
    private void CheckPrivacy(string id, TrainingPlan plan, PlanRecord record)
    {
        var budget = (long)PrivacySchedule.BudgetMicro(plan);
        var trained = new Dictionary<string, int>(StringComparer.Ordinal);
        var cumulative = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var round in record.Rounds)
        {
            foreach (var commit in round.Commitments)
            {
                var member = commit.Member.ToLowerInvariant();
                var spent = (long)commit.EpsilonSpent;
                if (plan.Privacy is null || round.Round == 0)
                {
                    if (spent != 0) Find(id, (int)round.Round, member, $"commit carries epsilon {FixedPoint.FromMicro(spent):G6}, but {(plan.Privacy is null ? "the plan trains without DP" : "round 0 shares moments, not DP-SGD")}");
                    continue;
                }

                var total = cumulative[member] = cumulative.GetValueOrDefault(member) + spent;
                var runs = trained[member] = trained.GetValueOrDefault(member) + 1;
                if (ScheduleOf(id, plan, round, member) is not { } dp) continue;
                if (total > budget) Find(id, (int)round.Round, member, $"cumulative epsilon {FixedPoint.FromMicro(total):G6} on-chain is past the plan's budget {plan.Privacy.TargetEpsilon:G6}");
                // The smallest k >= runs whose schedule point is not below the total must match it exactly.
                var k = runs;
                while (k <= plan.Rounds * 2 && PrivacySchedule.CumulativeMicro(dp, k) < total) k++;
                if (PrivacySchedule.CumulativeMicro(dp, k) != total)
                    Find(id, (int)round.Round, member,
                        $"cumulative epsilon {FixedPoint.FromMicro(total):G6} on-chain is not on the plan's schedule: after {runs} training round(s) of {dp.StepsPerRound} steps (q = {dp.Options.SampleRate:G4}, sigma = {dp.Options.NoiseMultiplier:G4}) it is {FixedPoint.FromMicro(PrivacySchedule.CumulativeMicro(dp, runs)):G6}");
                trained[member] = k;
            }
        }
    }

    /// <summary>The member's DP-SGD under the plan, through its registered name (the key of the plan's declared counts).</summary>
    private MemberDpSgd? ScheduleOf(string id, TrainingPlan plan, RoundRecord round, string member)
    {
        if (!ledger.Members.TryGetValue(member, out var info))
        {
            Find(id, (int)round.Round, member, "committed with DP but is not in the registry, so its declared count cannot be found");
            return null;
        }

        try
        {
            return MemberDpSgd.For(plan, info.Name);
        }
        catch (ArgumentException e)
        {
            Find(id, (int)round.Round, member, $"committed with DP but the plan gives it no DP-SGD schedule: {e.Message}");
            return null;
        }
    }
}
