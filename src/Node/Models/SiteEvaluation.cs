using FedChain.Learning.Json;
using FedChain.Learning.Metrics;

namespace FedChain.Node.Models;

/// <summary>
/// One member's evaluation of a plan's final model on its own held-out rows: the body of its signed
/// evaluation blob. Only scalar metrics and a row count leave the site.
/// </summary>
/// <param name="Member">The evaluating member's address (lower-case hex); must be the blob's signer.</param>
/// <param name="ModelHash">The final aggregate evaluated (lower-case hex).</param>
public sealed record SiteEvaluation(string PlanId, string PlanHash, string Member, string Site, string ModelHash, MetricSet Metrics)
{
    public byte[] CanonicalBytes() => CanonicalJson.ToBytes(this);
}
