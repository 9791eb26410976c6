using System.Globalization;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using Nethereum.Contracts;

namespace FedChain.Node.Governance;

/// <summary>Decodes a proposal's calls against the consortium's contracts, so that voters read what they vote on.</summary>
public static class ProposalActions
{
    public static IReadOnlyList<ProposalAction> Decode(ConsortiumAddresses at, GovernorEvents.ProposalCreated created, GovernanceSettings current) =>
        [.. created.Targets.Select((target, i) => Decode(at, target, created.Calldatas[i], current))];

    public static ProposalAction Decode(ConsortiumAddresses at, string target, byte[] calldata, GovernanceSettings current)
    {
        var hex = "0x" + Convert.ToHexStringLower(calldata);
        var inv = CultureInfo.InvariantCulture;
        if (Same(target, at.MembershipRegistry) && Is<MembershipFunctions.Admit>(calldata))
        {
            var a = new MembershipFunctions.Admit().DecodeInput(hex);
            var role = ((MemberRole)a.Role).ToString().ToLowerInvariant();
            return new ProposalAction("admit", $"admit {a.Name} ({a.Account}) as {role}, endpoint {a.Endpoint}",
                $"{a.Name} joins the registry as {role}{(a.Role == (byte)MemberRole.Member ? " with one vote (it counts from the next second) and may be invited to plans" : " (no vote; may read the chain and fetch blobs)")}; nodes accept its TLS peer at {a.Endpoint}",
                new Dictionary<string, string> { ["account"] = a.Account, ["role"] = role, ["name"] = a.Name, ["endpoint"] = a.Endpoint });
        }

        if (Same(target, at.MembershipRegistry) && Is<MembershipFunctions.Remove>(calldata))
        {
            var r = new MembershipFunctions.Remove().DecodeInput(hex);
            return new ProposalAction("remove", $"remove {r.Account}",
                $"{r.Account} leaves the registry: its vote is burnt, it is dropped from every active plan, and nodes stop accepting its peer",
                new Dictionary<string, string> { ["account"] = r.Account });
        }

        if (Same(target, at.TrainingLedger) && Is<LedgerFunctions.StartPlan>(calldata))
        {
            var p = new LedgerFunctions.StartPlan().DecodeInput(hex).Params;
            var planHash = Convert.ToHexStringLower(p.PlanHash);
            var details = new Dictionary<string, string>
            {
                ["planHash"] = planHash,
                ["invited"] = string.Join(",", p.Invited.Select(a => a.ToLowerInvariant())),
                ["chainRounds"] = p.Rounds.ToString(inv),
                ["commitWindowSeconds"] = p.CommitWindow.ToString(inv),
                ["enrolmentWindowSeconds"] = p.EnrolmentWindow.ToString(inv),
                ["quorumPercent"] = p.QuorumPercent.ToString(inv),
                ["epsilonBudget"] = FixedPoint.FromMicro((long)p.EpsilonBudget).ToString("G6", inv),
                ["secureAggregation"] = p.SecureAggregation ? "true" : "false",
                ["scoresLag"] = p.ScoresLag.ToString(inv),
                ["rewardPool"] = p.RewardPool.ToString(inv),
                ["minParticipants"] = p.MinParticipants.ToString(inv),
                ["epsilonPerRound"] = FixedPoint.FromMicro(p.EpsilonPerRound).ToString("G6", inv),
            };
            return new ProposalAction("start-plan", $"start plan {planHash[..12]}: {p.Rounds - 1} training rounds, {p.Invited.Count} members invited",
                string.Create(inv, $"the ledger opens plan {planHash[..12]} for enrolment ({p.EnrolmentWindow} s); each invited node joins only if its institution approved the plan; rounds close after {p.CommitWindow} s, aggregates need {p.QuorumPercent} % of participants, ") +
                (p.EpsilonBudget == 0 ? "no DP budget" : string.Create(inv, $"each member may spend epsilon {FixedPoint.FromMicro((long)p.EpsilonBudget):G4}")) +
                (p.SecureAggregation ? ", updates masked (secure aggregation)" : ", updates visible to members"),
                details, PlanHash: planHash);
        }

        if (Same(target, at.TrainingLedger) && Is<LedgerFunctions.CancelPlan>(calldata))
        {
            var c = new LedgerFunctions.CancelPlan().DecodeInput(hex);
            return new ProposalAction("cancel-plan", $"cancel plan {c.PlanId}",
                $"the ledger marks plan {c.PlanId} cancelled (it reverts unless the plan is enrolling or running): no more rounds open, commits are refused, its nodes stop their work on it and nothing of it can be released",
                new Dictionary<string, string> { ["planId"] = c.PlanId.ToString(inv) }, PlanId: c.PlanId.ToString(inv));
        }

        if (Same(target, at.TrainingLedger) && Is<LedgerFunctions.ReleaseModel>(calldata))
        {
            var r = new LedgerFunctions.ReleaseModel().DecodeInput(hex);
            var model = Convert.ToHexStringLower(r.ModelHash);
            var report = Convert.ToHexStringLower(r.EvaluationReportHash);
            return new ProposalAction("release", $"release plan {r.PlanId}'s model {model[..12]} with evaluation report {report[..12]}",
                $"the ledger records model {model[..12]} as plan {r.PlanId}'s release (it reverts unless this is the plan's last finalised aggregate); members may then export and use it",
                new Dictionary<string, string> { ["planId"] = r.PlanId.ToString(inv), ["modelHash"] = model, ["evaluationReportHash"] = report },
                PlanId: r.PlanId.ToString(inv), ModelHash: model, EvaluationReportHash: report);
        }

        if (Setting(at, target, calldata, hex, current) is { } setting) return setting;
        return new ProposalAction("call", $"call {target} with {calldata.Length} bytes of data",
            "a call FedChain does not recognise: read its calldata before voting", new Dictionary<string, string> { ["target"] = target, ["calldata"] = hex });
    }

    private static ProposalAction? Setting(ConsortiumAddresses at, string target, byte[] calldata, string hex, GovernanceSettings current)
    {
        var inv = CultureInfo.InvariantCulture;
        (string Name, string Now, string To)? change =
            !Same(target, at.Governor) && !Same(target, at.Timelock) && !Same(target, at.TrainingLedger) ? null
            : Is<GovernorFunctions.SetVotingDelay>(calldata) ? ("voting delay", $"{current.VotingDelay} s", $"{new GovernorFunctions.SetVotingDelay().DecodeInput(hex).VotingDelay} s")
            : Is<GovernorFunctions.SetVotingPeriod>(calldata) ? ("voting period", $"{current.VotingPeriod} s", $"{new GovernorFunctions.SetVotingPeriod().DecodeInput(hex).VotingPeriod} s")
            : Is<GovernorFunctions.UpdateQuorumNumerator>(calldata) ? ("quorum", $"{current.QuorumPercent} %", string.Create(inv, $"{new GovernorFunctions.UpdateQuorumNumerator().DecodeInput(hex).QuorumPercent} %"))
            : Is<GovernorFunctions.SetLateQuorumVoteExtension>(calldata) ? ("late-quorum extension", $"{current.LateQuorumExtension} s", $"{new GovernorFunctions.SetLateQuorumVoteExtension().DecodeInput(hex).VoteExtension} s")
            : Is<TimelockFunctions.UpdateDelay>(calldata) ? ("timelock delay", $"{current.TimelockDelay} s", string.Create(inv, $"{new TimelockFunctions.UpdateDelay().DecodeInput(hex).Delay} s"))
            : Is<LedgerFunctions.SetDefaultLifetimeBudget>(calldata) ? ("default lifetime epsilon", "its current value", string.Create(inv, $"{FixedPoint.FromMicro((long)new LedgerFunctions.SetDefaultLifetimeBudget().DecodeInput(hex).Budget):G6}"))
            : Is<LedgerFunctions.SetLifetimeBudget>(calldata) ? LifetimeBudget(hex)
            : Is<LedgerFunctions.SetMaxRewardPool>(calldata) ? ("reward pool cap", "its current value", string.Create(inv, $"{new LedgerFunctions.SetMaxRewardPool().DecodeInput(hex).MaxRewardPool}"))
            : null;
        return change is not { } c ? null : new ProposalAction("settings", $"set the {c.Name} to {c.To}",
            $"the {c.Name} becomes {c.To} (it is {c.Now} now); values below the deployment's floors fail to execute",
            new Dictionary<string, string> { ["setting"] = c.Name, ["current"] = c.Now, ["to"] = c.To });
    }

    private static (string, string, string) LifetimeBudget(string hex)
    {
        var call = new LedgerFunctions.SetLifetimeBudget().DecodeInput(hex);
        return ($"lifetime epsilon on dataset {Convert.ToHexStringLower(call.Dataset)[..12]}", "its current value",
            FixedPoint.FromMicro((long)call.Budget).ToString("G6", CultureInfo.InvariantCulture));
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Is<TFunction>(byte[] calldata) where TFunction : FunctionMessage, new()
    {
        var selector = ABITypedRegistry.GetFunctionABI<TFunction>().Sha3Signature;
        return calldata.Length >= 4 && Convert.ToHexStringLower(calldata.AsSpan(0, 4)) == selector.ToLowerInvariant();
    }
}
