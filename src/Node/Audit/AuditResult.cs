namespace FedChain.Node.Audit;

/// <summary>The audit's verdict: ok when nothing was found; what was checked, for the report.</summary>
public sealed record AuditResult(IReadOnlyList<AuditFinding> Findings, int PlansChecked, int RoundsChecked, int BlobsChecked, IReadOnlyDictionary<string, string> FinalAggregates)
{
    public bool Ok => Findings.Count == 0;
}
