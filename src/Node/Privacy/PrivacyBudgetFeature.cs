using FedChain.Contracts.Ledger;
using FedChain.Learning.Plans;
using FedChain.Learning.Privacy.Accounting;
using FedChain.Learning.Training;
using FedChain.Node.Agent;

namespace FedChain.Node.Privacy;

/// <summary>
/// DP budgets in the running node (docs/node.md, "Privacy in the node"): the pipeline's DP-SGD stage
/// trains under the plan's per-member budget; this feature also holds each round to the chain's
/// budget (<c>PlanParams.EpsilonBudget</c>), refuses the round when the chain records more spend than
/// the node's history, and puts the epsilon spent on the commit. Its audit is <c>Auditor.Privacy.cs</c>.
/// </summary>
public sealed class PrivacyBudgetFeature(PlanRun run) : PlanFeature(run)
{
    private NodeContext Node => Run.Node;

    /// <summary>Declared counts are keyed by the member's registered name, which every node and auditor reads from the registry.</summary>
    public override string? Refusal()
    {
        var registered = Node.Chain.Read(s => s.Members.TryGetValue(Node.Me, out var m) ? m.Name : null);
        if (registered != Node.Config.Site)
            return $"the plan's privacy section names members by their registered names; this node's site '{Node.Config.Site}' is registered as '{registered ?? "(not registered)"}'";
        try
        {
            MemberDpSgd.For(Run.Plan, Node.Config.Site);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>DP-SGD under the member's budget, the plan's and the chain's; null when the round fits in neither.</summary>
    public override ClientUpdate? Train(int round, ClientState state, Func<ClientUpdate?> train)
    {
        try
        {
            CheckChainBudget(round, state);
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
    /// The micro-epsilon this commit adds on-chain: what brings the ledger's cumulative spend for this
    /// member to its whole spend so far, rounded (<see cref="FixedPoint.ToMicro"/>). Normally that is
    /// this round's epsilon; it also carries a round that was trained but whose commit never landed,
    /// so the ledger never shows less than the member spent, and rounding never adds up past the budget.
    /// </summary>
    public override Task<RoundCommitment> CommitmentAsync(int round, RoundCommitment commitment, ClientUpdate? update, CancellationToken ct)
    {
        if (update?.Privacy is not { } spent) return Task.FromResult(commitment);
        var onChain = Node.Chain.Read(s => s.Plans[Run.PlanId].EpsilonSpent.GetValueOrDefault(Node.Me));
        return Task.FromResult(commitment with { EpsilonSpentMicro = (ulong)Math.Max(0, FixedPoint.ToMicro(spent.EpsilonSpent) - (long)onChain) });
    }

    /// <summary>
    /// Refuses the round when it would take the member past the chain's per-member budget (which
    /// governance may set below the plan's), or when the chain records more spend than this node's
    /// history: its checkpoint was lost, and training on would spend what it cannot account for.
    /// </summary>
    private void CheckChainBudget(int round, ClientState state)
    {
        var member = Run.Site.Name;
        var dp = MemberDpSgd.For(Run.Plan, member);
        var accountant = new RdpAccountant();
        foreach (var past in state.PrivacySpent ?? []) accountant.Record(past);
        var before = accountant.GetPrivacySpent(dp.Delta, dp.Conversion).Epsilon;
        var (onChain, cap) = Node.Chain.Read(s => (s.Plans[Run.PlanId].EpsilonSpent.GetValueOrDefault(Node.Me), s.Plans[Run.PlanId].Terms?.EpsilonBudget ?? 0));
        if ((long)onChain > FixedPoint.ToMicro(before))
            throw new PrivacyBudgetExhaustedException(
                $"member '{member}', round {round}: the chain records epsilon {FixedPoint.FromMicro((long)onChain):G6} spent but this node's checkpoint only {before:G6}; its history was lost, so it cannot train without risking its budget. Nothing was trained.");
        var next = new SampledGaussianSteps(dp.Options.SampleRate, dp.Options.NoiseMultiplier, dp.StepsPerRound);
        var wouldSpend = accountant.PeekPrivacySpent(next, dp.Delta, dp.Conversion).Epsilon;
        if (FixedPoint.ToMicro(wouldSpend) > (long)cap)
            throw new PrivacyBudgetExhaustedException(
                $"member '{member}', round {round}: {dp.StepsPerRound} more DP-SGD steps would take epsilon from {before:G6} to {wouldSpend:G6}, past the chain's per-member budget {FixedPoint.FromMicro((long)cap):G6} (PlanParams.EpsilonBudget). Nothing was trained.");
    }
}
