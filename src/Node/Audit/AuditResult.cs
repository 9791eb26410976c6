namespace FedChain.Node.Audit;

/// <summary>The audit's verdict: ok when nothing was found; what was checked, for the report.</summary>
/// <param name="Exclusions">Blobs the chain voted out of their rounds, each checked (its quorum of ballots, left out of the aggregate).</param>
public sealed record AuditResult(IReadOnlyList<AuditFinding> Findings, int PlansChecked, int RoundsChecked, int BlobsChecked, IReadOnlyDictionary<string, string> FinalAggregates, IReadOnlyList<AuditExclusion> Exclusions)
{
    public bool Ok => Findings.Count == 0;

    /// <summary>Each analysis plan's analysis.json as the audit recomputed it from the blobs, by plan id (written by `fedchain audit --analyses`).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, string> Analyses { get; init; } = new Dictionary<string, string>();
}
