using FedChain.Contracts.Ledger;
using FedChain.Learning.Plans;
using FedChain.Learning.Privacy.Accounting;
using FedChain.Learning.Training;
using FedChain.Node.Rounds;

namespace FedChain.Node.Agent;

/// <summary>DP budgets in the running node (docs/node.md, "Privacy in the node").</summary>
public sealed partial class PlanRunner
{
    /// <summary>Why this node cannot run the plan's privacy and secure-aggregation sections; null when it can.</summary>
    private string? PrivacyRefusal(TrainingPlan plan)
    {
        if (SecureAggregationRefusal(plan) is { } secure) return secure;
        if (plan.Privacy is null) return null;
        // Declared counts are keyed by the member's registered name, which every node and auditor reads from the registry.
        var registered = node.Chain.Read(s => s.Members.TryGetValue(node.Me, out var m) ? m.Name : null);
        if (registered != node.Config.Site)
            return $"the plan's privacy section names members by their registered names; this node's site '{node.Config.Site}' is registered as '{registered ?? "(not registered)"}'";
        try
        {
            MemberDpSgd.For(plan, node.Config.Site);
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }

        return null;
    }

    /// <summary>
    /// One round's client step. With DP: DP-SGD from the OS CSPRNG under the member's budget, the
    /// plan's and the chain's; null when the round does not fit in either (the node then neither
    /// trains nor commits, says so, and still aggregates the others).
    /// </summary>
    private ClientUpdate? TrainRound(TrainingPlan plan, AggregateTrack track, LocalSite site, int round, ClientState state)
    {
        if (plan.Privacy is null) return ClientStep.Run(plan, track.Global, track.Server.Control, site.Scaled!.Train, round, state);
        try
        {
            CheckChainBudget(plan, site.Name, round, state);
            var update = ClientStep.Run(plan, track.Global, track.Server.Control, site.Scaled!.Train, round, state);
            var spent = update.Privacy!;
            Log.PrivacySpent(node.Logger, planId, round, spent.EpsilonThisRound, spent.EpsilonSpent, spent.EpsilonBudget);
            return update;
        }
        catch (PrivacyBudgetExhaustedException e)
        {
            Log.PrivacyBudgetExhausted(node.Logger, planId, round, e.Message);
            Report("phase", round, phase: "privacy budget exhausted", detail: e.Message);
            return null;
        }
    }

    /// <summary>
    /// Refuses the round when it would take the member past the chain's per-member budget
    /// (PlanParams.EpsilonBudget, which governance may set below the plan's), or when the chain
    /// records more spend than this node's history: its checkpoint was lost, and training on would
    /// spend what it cannot account for.
    /// </summary>
    private void CheckChainBudget(TrainingPlan plan, string member, int round, ClientState state)
    {
        var dp = MemberDpSgd.For(plan, member);
        var accountant = new RdpAccountant();
        foreach (var run in state.PrivacySpent ?? []) accountant.Record(run);
        var before = accountant.GetPrivacySpent(dp.Delta, dp.Conversion).Epsilon;
        var (onChain, cap) = node.Chain.Read(s => (s.Plans[planId].EpsilonSpent.GetValueOrDefault(node.Me), s.Plans[planId].Terms?.EpsilonBudget ?? 0));
        if ((long)onChain > FixedPoint.ToMicro(before))
            throw new PrivacyBudgetExhaustedException(
                $"member '{member}', round {round}: the chain records epsilon {FixedPoint.FromMicro((long)onChain):G6} spent but this node's checkpoint only {before:G6}; its history was lost, so it cannot train without risking its budget. Nothing was trained.");
        var next = new SampledGaussianSteps(dp.Options.SampleRate, dp.Options.NoiseMultiplier, dp.StepsPerRound);
        var wouldSpend = accountant.PeekPrivacySpent(next, dp.Delta, dp.Conversion).Epsilon;
        if (FixedPoint.ToMicro(wouldSpend) > (long)cap)
            throw new PrivacyBudgetExhaustedException(
                $"member '{member}', round {round}: {dp.StepsPerRound} more DP-SGD steps would take epsilon from {before:G6} to {wouldSpend:G6}, past the chain's per-member budget {FixedPoint.FromMicro((long)cap):G6} (PlanParams.EpsilonBudget). Nothing was trained.");
    }

    /// <summary>
    /// The micro-epsilon this commit adds on-chain: what brings the ledger's cumulative spend for this
    /// member to its whole spend so far, rounded (<see cref="FixedPoint.ToMicro"/>). Normally that is
    /// this round's epsilon; it also carries a round that was trained but whose commit never landed,
    /// so the ledger never shows less than the member spent, and rounding never adds up past the budget.
    /// </summary>
    private ulong EpsilonToCommit(ClientUpdate update)
    {
        if (update.Privacy is not { } spent) return 0;
        var onChain = node.Chain.Read(s => s.Plans[planId].EpsilonSpent.GetValueOrDefault(node.Me));
        return (ulong)Math.Max(0, FixedPoint.ToMicro(spent.EpsilonSpent) - (long)onChain);
    }
}
