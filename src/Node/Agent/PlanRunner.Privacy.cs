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
    /// Refuses the round when its commit would take the member past what the ledger allows: the plan's
    /// budget (PlanParams.EpsilonBudget, which governance may set below the plan's) or the member's
    /// lifetime budget on the plan's dataset, at the plan's fixed charge per round; or when the chain
    /// records more charged rounds than this node's history holds: its checkpoint was lost, and training
    /// on would spend what it cannot account for.
    /// </summary>
    private void CheckChainBudget(TrainingPlan plan, string member, int round, ClientState state)
    {
        var dp = MemberDpSgd.For(plan, member);
        var trained = (state.PrivacySpent ?? []).Sum(run => run.Steps) / dp.StepsPerRound;
        var (charged, perRound, cap, lifetime, lifetimeCap) = node.Chain.Read(s =>
        {
            var p = s.Plans[planId];
            var schema = p.Limits?.SchemaHash ?? [];
            return (p.Rounds.Sum(r => r.Commitments.Count(c => c.EpsilonSpent > 0 && string.Equals(c.Member, node.Me, StringComparison.OrdinalIgnoreCase))),
                (ulong)(p.Limits?.EpsilonPerRound ?? 0), p.Terms?.EpsilonBudget ?? 0, s.LifetimeSpent(node.Me, schema), s.LifetimeBudgetOf(schema) ?? 0);
        });
        if (charged > trained)
            throw new PrivacyBudgetExhaustedException(
                $"member '{member}', round {round}: the chain charged {charged} training round(s) but this node's checkpoint holds only {trained}; its history was lost, so it cannot train without risking its budget. Nothing was trained.");
        if ((ulong)(charged + 1) * perRound > cap)
            throw new PrivacyBudgetExhaustedException(
                $"member '{member}', round {round}: another round at epsilon {FixedPoint.FromMicro((long)perRound):G6} would bring the chain's charge to {FixedPoint.FromMicro((long)((ulong)(charged + 1) * perRound)):G6}, past the chain's per-member budget {FixedPoint.FromMicro((long)cap):G6} (PlanParams.EpsilonBudget). Nothing was trained.");
        if (lifetime + perRound > lifetimeCap)
            throw new PrivacyBudgetExhaustedException(
                $"member '{member}', round {round}: another round at epsilon {FixedPoint.FromMicro((long)perRound):G6} would take its lifetime spend on this dataset from {FixedPoint.FromMicro((long)lifetime):G6} past its lifetime budget {FixedPoint.FromMicro((long)lifetimeCap):G6}. Nothing was trained.");
    }
}
