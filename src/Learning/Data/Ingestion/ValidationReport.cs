using System.Globalization;
using System.Text;

namespace FedChain.Learning.Data.Ingestion;

/// <summary>
/// What ingestion found in one site's file: row counts, per-column counts and the first issues with
/// file and line. It holds counts and positions only, never a record or a cell value, so a site can
/// share it with the consortium.
/// </summary>
public sealed class ValidationReport
{
    /// <summary>How many issues are listed one by one; the rest are only counted.</summary>
    public const int MaxListedIssues = 200;

    public required string Site { get; init; }
    public required string File { get; init; }

    /// <summary>The mapping the file was read with.</summary>
    public string? Mapping { get; init; }

    /// <summary>The declared text encoding.</summary>
    public string? Encoding { get; init; }

    /// <summary>The byte-order mark found at the start of the file (skipped), or null.</summary>
    public string? ByteOrderMark { get; set; }

    /// <summary>Lines holding bytes the declared encoding cannot decode.</summary>
    public int UndecodableLines { get; set; }

    /// <summary>The mapping's derived rules in words, in mapping order (derived[0], ...).</summary>
    public List<string> DerivedRules { get; } = [];

    /// <summary>Export fields no schema column reads, by name.</summary>
    public List<string> UnusedFields { get; } = [];

    /// <summary>Data lines read (header excluded, rows of other sites excluded).</summary>
    public int RowsRead { get; set; }
    public int RowsKept { get; set; }
    public int RowsDropped { get; set; }

    /// <summary>Kept rows in which at least one cell was imputed.</summary>
    public int RowsImputed { get; set; }

    /// <summary>Rows that belong to another site in a multi-site file (skipped, not an issue).</summary>
    public int RowsOfOtherSites { get; set; }

    /// <summary>True when the whole file was refused; <see cref="RejectionReason"/> says why and no row is used.</summary>
    public bool Rejected { get; set; }
    public string? RejectionReason { get; set; }

    /// <summary>Counts per schema column.</summary>
    public SortedDictionary<string, ColumnReport> Columns { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts per issue kind, over every issue (listed or not).</summary>
    public SortedDictionary<IssueKind, int> IssueCounts { get; } = [];

    /// <summary>Site-level findings in plain words, such as a column missing in every row.</summary>
    public List<string> Findings { get; } = [];

    /// <summary>The first <see cref="MaxListedIssues"/> issues.</summary>
    public List<ValidationIssue> Issues { get; } = [];
    public int IssuesNotListed { get; set; }

    public int IssueCount(IssueKind kind) => IssueCounts.GetValueOrDefault(kind);

    /// <summary>Rows lost to the file's layout (wrong field count, unterminated quote), as opposed to bad values.</summary>
    public int LayoutIssues => IssueCount(IssueKind.WrongFieldCount) + IssueCount(IssueKind.UnterminatedQuote);

    internal void Add(ValidationIssue issue)
    {
        IssueCounts[issue.Kind] = IssueCount(issue.Kind) + 1;
        if (issue.Column is not null && Columns.TryGetValue(issue.Column, out var column)) column.Count(issue.Kind);
        if (Issues.Count < MaxListedIssues) Issues.Add(issue);
        else IssuesNotListed++;
    }

    /// <summary>A few lines for a terminal or a log.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"{Site} ({Path.GetFileName(File)}): {RowsRead} rows read, {RowsKept} kept, {RowsDropped} dropped, {RowsImputed} imputed");
        if (Rejected) text.Append(inv, $"; REJECTED: {RejectionReason}");
        foreach (var (kind, count) in IssueCounts) text.Append(inv, $"\n  {count} x {kind}");
        foreach (var finding in Findings) text.Append(inv, $"\n  {finding}");
        foreach (var issue in Issues.Take(5))
        {
            text.Append(inv, $"\n  e.g. {Path.GetFileName(issue.File)}:{issue.Line} {issue.Column ?? "(line)"}: {issue.Kind}");
        }

        return text.ToString();
    }
}
