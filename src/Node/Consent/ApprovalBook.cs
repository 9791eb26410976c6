using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedChain.Node.Consent;

/// <summary>
/// The plans an institution approved, kept in its node's state (state/consent/approvals.json).
/// `fedchain plan approve` adds to it; the running node reads it each time it considers a plan, so
/// an approval given while the plan is enrolling takes effect at once.
/// </summary>
public sealed class ApprovalBook(string stateDirectory)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string File => Path.Combine(stateDirectory, "consent", "approvals.json");

    public IReadOnlyList<PlanApproval> All()
    {
        if (!System.IO.File.Exists(File)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<PlanApproval>>(System.IO.File.ReadAllText(File), Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{File}: {e.Message}", e);
        }
    }

    public PlanApproval? Find(string planHash) => All().FirstOrDefault(a => string.Equals(a.PlanHash, planHash, StringComparison.OrdinalIgnoreCase));

    /// <summary>Records an approval (the first one of a plan stays); written to a temp file and renamed, so a reader never sees half of it.</summary>
    public PlanApproval Approve(string planHash, string by, DateTimeOffset at, string? note = null)
    {
        var hash = planHash.ToLowerInvariant();
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower)) throw new ArgumentException($"'{planHash}' is not a plan hash: expected 64 hex digits (SHA-256 of the canonical plan)");
        if (Find(hash) is { } existing) return existing;
        var approval = new PlanApproval(hash, by, at, note);
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        var temp = File + ".tmp";
        System.IO.File.WriteAllText(temp, JsonSerializer.Serialize(All().Append(approval).ToList(), Json));
        System.IO.File.Move(temp, File, overwrite: true);
        return approval;
    }
}
