namespace FedChain.Node.Analyses;

/// <summary>What a node writes when it finished an analysis plan (state/plans/&lt;id&gt;/result.json).</summary>
/// <param name="ResultHash">SHA-256 of analysis.json, the hash this member voted on-chain.</param>
/// <param name="Agreed">Whether a quorum agreed this hash (the plan closed on it).</param>
/// <param name="Rounds">Engine rounds the analyses took (data rounds on the chain).</param>
/// <param name="MaxRounds">The most they could have taken.</param>
public sealed record AnalysisNodeResult(
    string PlanId,
    string PlanHash,
    string Member,
    string Site,
    string ResultHash,
    bool Agreed,
    int Rounds,
    int MaxRounds,
    string AnalysisFile,
    string? ExportedBlobs);
