using FedChain.Learning.Contribution;
using FedChain.Node.Blobs;

namespace FedChain.Node.Contributions;

/// <summary>
/// The verified utility reports of one plan seen so far, by blob id. A node adds the blobs it holds;
/// an auditor adds the exported blobs folder. Blobs that are not reports for this plan are skipped;
/// reports that fail the checks of <see cref="UtilityReportBlob.Read"/> are kept aside with the reason.
/// Only the report a member pinned on-chain for a round counts (<see cref="Pinned"/>), so every node and
/// the auditor score from the same reports whatever else a member published.
/// </summary>
public sealed class UtilityReportPool(byte[] planHash)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UtilityReport> _byId = new(StringComparer.Ordinal);
    private readonly List<(string Blob, string Problem)> _rejected = [];

    /// <summary>Report blobs that did not pass the checks, with the reason.</summary>
    public IReadOnlyList<(string Blob, string Problem)> Rejected => _rejected;

    /// <summary>Adds one blob; <paramref name="id"/> (its SHA-256 hex) avoids opening it twice.</summary>
    public void Add(string id, byte[] blob)
    {
        if (!_seen.Add(id) || !UtilityReportBlob.LooksLikeReport(blob, planHash)) return;
        var report = UtilityReportBlob.Read(blob, planHash, out var problem);
        if (report is null) _rejected.Add((id, problem!));
        else _byId[id] = report;
    }

    public bool HasSeen(string id) => _seen.Contains(id);

    /// <summary>Adds every blob file in <paramref name="folder"/> (files named by SHA-256, flat or in two-letter subfolders).</summary>
    public void AddFolder(string folder)
    {
        foreach (var (id, content) in ExportedBlobs.ReadAll(folder)) Add(id, content);
    }

    /// <summary>
    /// The round's reports that count: for each member of <paramref name="roster"/> (only the scored members
    /// report), the report in the blob its on-chain pin for the round names (<c>RoundRecord.ReportPins</c>),
    /// if that blob is here and is that member's report of that round.
    /// </summary>
    public IReadOnlyList<UtilityReport> Pinned(int round, IReadOnlyList<string> roster, IReadOnlyDictionary<string, byte[]> pins) =>
        [.. roster.Select(m => PinnedOf(round, m, pins)).OfType<UtilityReport>()];

    /// <summary>Roster members whose pinned report is not (yet) here, with the pinned blob id; null id: no pin.</summary>
    public IReadOnlyList<(string Member, string? Blob)> Unpinned(int round, IReadOnlyList<string> roster, IReadOnlyDictionary<string, byte[]> pins) =>
        [.. roster.Where(m => PinnedOf(round, m, pins) is null).Select(m => (m, pins.TryGetValue(m, out var pin) ? Convert.ToHexStringLower(pin) : null))];

    private UtilityReport? PinnedOf(int round, string member, IReadOnlyDictionary<string, byte[]> pins) =>
        pins.TryGetValue(member, out var pin) && _byId.TryGetValue(Convert.ToHexStringLower(pin), out var report)
        && report.Round == round && string.Equals(report.Member, member, StringComparison.Ordinal) ? report : null;
}
