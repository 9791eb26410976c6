using FedChain.Learning.Contribution;
using FedChain.Node.Blobs;

namespace FedChain.Node.Contributions;

/// <summary>
/// The verified utility reports of one plan seen so far, by round. A node adds the blobs it holds
/// (gossip replicates every blob to every node); an auditor adds the exported blobs folder. Blobs
/// that are not reports for this plan are skipped; reports that fail the checks of
/// <see cref="UtilityReportBlob.Read"/> are kept aside with the reason.
/// </summary>
public sealed class UtilityReportPool(byte[] planHash)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<UtilityReport>> _byRound = [];
    private readonly List<(string Blob, string Problem)> _rejected = [];

    /// <summary>Report blobs that did not pass the checks, with the reason.</summary>
    public IReadOnlyList<(string Blob, string Problem)> Rejected => _rejected;

    /// <summary>Adds one blob; <paramref name="id"/> (its SHA-256 hex) avoids opening it twice.</summary>
    public void Add(string id, byte[] blob)
    {
        if (!_seen.Add(id) || !UtilityReportBlob.LooksLikeReport(blob, planHash)) return;
        var report = UtilityReportBlob.Read(blob, planHash, out var problem);
        if (report is null)
        {
            _rejected.Add((id, problem!));
            return;
        }

        if (!_byRound.TryGetValue(report.Round, out var list)) _byRound[report.Round] = list = [];
        list.Add(report);
    }

    public bool HasSeen(string id) => _seen.Contains(id);

    /// <summary>Adds every blob file in <paramref name="folder"/> (files named by SHA-256, flat or in two-letter subfolders).</summary>
    public void AddFolder(string folder)
    {
        foreach (var (id, content) in ExportedBlobs.ReadAll(folder)) Add(id, content);
    }

    /// <summary>The round's reports whose signer is one of <paramref name="roster"/>: only the scored members report.</summary>
    public IReadOnlyList<UtilityReport> For(int round, IReadOnlyList<string> roster) =>
        [.. (_byRound.GetValueOrDefault(round) ?? []).Where(r => roster.Contains(r.Member, StringComparer.Ordinal))];

    /// <summary>How many roster members have at least one report for the round.</summary>
    public int Reporters(int round, IReadOnlyList<string> roster) => For(round, roster).Select(r => r.Member).Distinct(StringComparer.Ordinal).Count();
}
