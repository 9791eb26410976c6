using FedChain.Contracts.Ledger;
using FedChain.Learning.Plans;
using FedChain.Learning.Privacy.Accounting;
using FedChain.Learning.Training;
using FedChain.Node.Agent;

namespace FedChain.Node.Privacy;

/// <summary>
/// DP budgets in the running node (docs/node.md, "Privacy in the node"): the pipeline's DP-SGD stage
/// trains under the plan's per-member budget; this feature also holds each round to what the ledger
/// will charge (the plan's epsilon per training round against <c>PlanParams.EpsilonBudget</c> and the
/// member's lifetime budget on the dataset) and refuses the round when the chain charged more rounds
/// than the node's history holds. The ledger charges the epsilon itself, so the commit carries none.
/// Its audit is <c>Auditor.Privacy.cs</c>.
/// </summary>
public sealed class PrivacyBudgetFeature(PlanRun run) : PlanFeature(run)
{
    private NodeContext Node => Run.Node;

    /// <summary>
    /// Declared counts are keyed by the member's registered name, which every node and auditor reads from
    /// the registry; and the rest of the plan must fit the member's lifetime budget on the plan's dataset,
    /// as the ledger's <c>fitsLifetimeBudget</c> view says (the ledger would refuse the commits past it).
    /// </summary>
    public override async Task<string?> RefusalAsync(CancellationToken ct)
    {
        var registered = Node.Chain.Read(s => s.Members.TryGetValue(Node.Me, out var m) ? m.Name : null);
        if (registered != Node.Config.Site)
            return $"the plan's privacy section names members by their registered names; this node's site '{Node.Config.Site}' is registered as '{registered ?? "(not registered)"}'";
        try
        {
            MemberDpSgd.For(Run.Plan, Node.Config.Site);
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }

        return await LifetimeRefusalAsync(ct);
    }

    private async Task<string?> LifetimeRefusalAsync(CancellationToken ct)
    {
        var ledger = Node.Consortium.Ledger;
        var fit = await ledger.FitsLifetimeBudgetAsync(Run.PlanId, Node.Me, ct);
        if (fit.Fits) return null;
        var dataset = Node.Chain.Read(s => s.Plans[Run.PlanId].Limits?.SchemaHash) ?? Convert.FromHexString(Run.Plan.Schema.Hash);
        var budget = await ledger.LifetimeBudgetAsync(dataset, ct);
        var spent = await ledger.LifetimeSpentAsync(Node.Me, dataset, ct);
        return $"the plan may charge this member epsilon {FixedPoint.FromMicro((long)fit.Cost):G6} on dataset {Convert.ToHexStringLower(dataset)[..12]}, "
            + $"past its lifetime budget there: epsilon {FixedPoint.FromMicro((long)budget):G6}, of which {FixedPoint.FromMicro((long)spent):G6} is spent "
            + $"({FixedPoint.FromMicro((long)fit.Remaining):G6} left; the ledger's fitsLifetimeBudget). Not opting in.";
    }

    /// <summary>DP-SGD under the member's budget, the plan's and the chain's; null when the round fits in neither.</summary>
    public override ClientUpdate? Train(int round, ClientState state, Func<ClientUpdate?> train)
    {
        try
        {
            // A test-only node that claims zero epsilon skips this: the ledger still charges it, and refuses it past the budget.
            if (Node.Config.Misbehaviour?.ClaimsZeroEpsilon != true) CheckChainBudget(round, state);
            if (train() is not { } update) return null;
            var spent = update.Privacy!;
            Log.PrivacySpent(Node.Logger, Run.PlanId, round, spent.EpsilonThisRound, spent.EpsilonSpent, spent.EpsilonBudget);
            return update;
        }
        catch (PrivacyBudgetExhaustedException e)
        {
            Log.PrivacyBudgetExhausted(Node.Logger, Run.PlanId, round, e.Message);
            Run.Report("phase", round, phase: "privacy budget exhausted", detail: e.Message);
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
    private void CheckChainBudget(int round, ClientState state)
    {
        var member = Run.Site.Name;
        var dp = MemberDpSgd.For(Run.Plan, member);
        var trained = (state.PrivacySpent ?? []).Sum(run => run.Steps) / dp.StepsPerRound;
        var (charged, perRound, cap, lifetime, lifetimeCap) = Node.Chain.Read(s =>
        {
            var p = s.Plans[Run.PlanId];
            var schema = p.Limits?.SchemaHash ?? [];
            return (p.Rounds.Sum(r => r.Commitments.Count(c => c.EpsilonSpent > 0 && Run.IsMe(c.Member))),
                (ulong)(p.Limits?.EpsilonPerRound ?? 0), p.Terms?.EpsilonBudget ?? 0, s.LifetimeSpent(Node.Me, schema), s.LifetimeBudgetOf(schema) ?? 0);
        });
        if (charged > trained)
            throw new PrivacyBudgetExhaustedException(
                $"member '{member}', round {round}: the chain charged {charged} training round(s) but this node's checkpoint holds only {trained}; its history was lost, so it cannot train without risking its budget. Nothing was trained.");
        var next = (ulong)(charged + 1) * perRound;
        if (next > cap)
            throw new PrivacyBudgetExhaustedException(
                $"member '{member}', round {round}: another round at epsilon {FixedPoint.FromMicro((long)perRound):G6} would bring the chain's charge to {FixedPoint.FromMicro((long)next):G6}, past the chain's per-member budget {FixedPoint.FromMicro((long)cap):G6} (PlanParams.EpsilonBudget). Nothing was trained.");
        if (lifetime + perRound > lifetimeCap)
            throw new PrivacyBudgetExhaustedException(
                $"member '{member}', round {round}: another round at epsilon {FixedPoint.FromMicro((long)perRound):G6} would take its lifetime spend on this dataset from {FixedPoint.FromMicro((long)lifetime):G6} past its lifetime budget {FixedPoint.FromMicro((long)lifetimeCap):G6}. Nothing was trained.");
    }
}
