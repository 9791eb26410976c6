using System.Security.Cryptography;
using FedChain.Contracts.Events;
using FedChain.Learning.Json;
using FedChain.Learning.Metrics;
using FedChain.Node.Blobs;

namespace FedChain.Node.Models;

/// <summary>
/// The evaluation report a release proposal names: each member's own evaluation of the final model,
/// taken from the evaluation blobs the members pinned on-chain, in address order. Anyone holding the
/// blobs rebuilds the same bytes (canonical JSON), so the hash in the release is checkable; nobody
/// writes this report by hand, including whoever proposes the release.
/// </summary>
/// <param name="Sites">One entry per valid pinned evaluation, by member address.</param>
/// <param name="Pooled">Row-weighted means over the sites of the metrics every site reports (null when none).</param>
public sealed record EvaluationReport(string PlanId, string PlanHash, string ModelHash, IReadOnlyList<EvaluatedSite> Sites, PooledMetrics? Pooled)
{
    public byte[] CanonicalBytes() => CanonicalJson.ToBytes(this);

    public byte[] Hash() => SHA256.HashData(CanonicalBytes());

    /// <summary>Builds the report from the plan's pins and the blobs in <paramref name="blobsFolder"/>.</summary>
    /// <param name="problems">Pins that do not count (missing blob, bad signature, another model), in words.</param>
    public static EvaluationReport FromPins(PlanRecord plan, string modelHash, string blobsFolder, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var sites = new List<EvaluatedSite>();
        foreach (var (member, blobHash) in plan.Evaluations)
        {
            var hash = Convert.ToHexStringLower(blobHash);
            var blob = ExportedBlobs.TryRead(blobsFolder, hash);
            if (blob is null || Convert.ToHexStringLower(SHA256.HashData(blob)) != hash)
            {
                found.Add($"{member}: pinned evaluation blob {hash[..12]} is not in {blobsFolder}");
                continue;
            }

            if (EvaluationBlob.Read(blob, plan.PlanHash, member, modelHash, out var problem) is { } evaluation)
                sites.Add(new EvaluatedSite(member, evaluation.Site, hash, evaluation.Metrics));
            else found.Add($"{member}: evaluation blob {hash[..12]}: {problem}");
        }

        problems = found;
        return new EvaluationReport(plan.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture), Convert.ToHexStringLower(plan.PlanHash), modelHash, sites, PooledMetrics.Of(sites));
    }
}

/// <param name="Blob">The pinned evaluation blob's hash.</param>
public sealed record EvaluatedSite(string Member, string Site, string Blob, MetricSet Metrics);

/// <summary>Row-weighted means of the site metrics (each site's test rows as its weight).</summary>
public sealed record PooledMetrics(int Rows, double? Accuracy, double? RocAuc, double? Brier, double? CIndex)
{
    public static PooledMetrics? Of(IReadOnlyList<EvaluatedSite> sites)
    {
        if (sites.Count == 0) return null;
        var rows = sites.Sum(s => s.Metrics.Rows);
        double? Mean(Func<MetricSet, double?> metric) =>
            sites.All(s => metric(s.Metrics) is { } v && double.IsFinite(v)) ? sites.Sum(s => metric(s.Metrics)!.Value * s.Metrics.Rows) / rows : null;
        return new PooledMetrics(rows, Mean(m => m.Accuracy), Mean(m => m.RocAuc), Mean(m => m.Brier), Mean(m => m.CIndex));
    }
}
