namespace FedChain.Node.Agent;

/// <summary>What a node writes when a plan completes (state/plans/&lt;id&gt;/result.json); the demo's report reads it.</summary>
public sealed record PlanResult(
    string PlanId,
    string PlanHash,
    string Member,
    string Site,
    string FinalModelHash,
    IReadOnlyList<RoundResult> Rounds,
    string FinalModelFile,
    string? BlobExport);
