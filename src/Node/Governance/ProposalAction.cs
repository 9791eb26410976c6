namespace FedChain.Node.Governance;

/// <summary>One call a proposal makes, said in words.</summary>
/// <param name="Kind">admit, remove, start-plan, release, settings, or call (a call FedChain does not know).</param>
/// <param name="Summary">What the call does, e.g. "admit Cleveland (0x…) as member, endpoint 198.18.0.11:7001".</param>
/// <param name="Effect">What executing it changes on the chain.</param>
/// <param name="PlanHash">start-plan: the plan document's hash (the blob id members fetch and review).</param>
/// <param name="PlanId">release: the plan whose model is released.</param>
/// <param name="ModelHash">release: the released model's hash.</param>
/// <param name="EvaluationReportHash">release: the evaluation report's hash.</param>
/// <param name="Details">The decoded arguments, by name.</param>
public sealed record ProposalAction(
    string Kind,
    string Summary,
    string Effect,
    IReadOnlyDictionary<string, string> Details,
    string? PlanHash = null,
    string? PlanId = null,
    string? ModelHash = null,
    string? EvaluationReportHash = null);
